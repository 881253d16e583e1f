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

	// Countdowns: "2 h 14 min 03 s" until the instant in data-countdown, every second, in
	// the page's language: the server writes the patterns from its message bundle into
	// data-countdown-days, -hours and -minutes ("{0} g {1} h {2} min {3} s").
	function pad(n) {
		return (n < 10 ? '0' : '') + n;
	}

	function fill(pattern, values) {
		return pattern.replace(/\{(\d)\}/g, function (match, index) {
			return values[index];
		});
	}

	function remaining(element, left) {
		var days = Math.floor(left / 86400);
		var hours = Math.floor((left % 86400) / 3600);
		var minutes = Math.floor((left % 3600) / 60);
		var seconds = left % 60;
		if (days > 0) {
			return fill(element.getAttribute('data-countdown-days'), [days, hours, pad(minutes), pad(seconds)]);
		}
		if (hours > 0) {
			return fill(element.getAttribute('data-countdown-hours'), [hours, pad(minutes), pad(seconds)]);
		}
		return fill(element.getAttribute('data-countdown-minutes'), [pad(minutes), pad(seconds)]);
	}

	function tick() {
		var now = Date.now();
		document.querySelectorAll('[data-countdown]').forEach(function (element) {
			var until = Date.parse(element.getAttribute('data-countdown'));
			if (isNaN(until) || !element.hasAttribute('data-countdown-minutes')) {
				return;
			}
			var left = Math.max(0, Math.floor((until - now) / 1000));
			var text = remaining(element, left);
			if (element.textContent !== text) {
				element.textContent = text;
			}
			if (left === 0 && !element.hasAttribute('data-expired')) {
				element.setAttribute('data-expired', '');
				document.body.dispatchEvent(new CustomEvent('countdownEnded'));
			}
		});
	}

	setInterval(tick, 1000);
	document.addEventListener('DOMContentLoaded', tick);

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
