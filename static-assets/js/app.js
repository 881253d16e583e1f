// Novanta's only script. Pages work without it; it makes them smoother.
(function () {
	'use strict';

	function meta(name) {
		var element = document.querySelector('meta[name="' + name + '"]');
		return element ? element.getAttribute('content') : null;
	}

	// Send the CSRF token with every htmx request.
	document.addEventListener('htmx:configRequest', function (event) {
		var token = meta('csrf-token');
		var header = meta('csrf-header');
		if (token && header) {
			event.detail.headers[header] = token;
		}
	});

	// Dismissible alerts.
	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-dismiss="alert"]');
		if (button) {
			var alert = button.closest('.alert');
			if (alert) {
				alert.remove();
			}
		}
	});
})();
