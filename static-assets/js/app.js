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

	// Countdowns: "2 h 14 min 03 s" until the instant in data-countdown, every second.
	function pad(n) {
		return (n < 10 ? '0' : '') + n;
	}

	function tick() {
		var now = Date.now();
		document.querySelectorAll('[data-countdown]').forEach(function (element) {
			var until = Date.parse(element.getAttribute('data-countdown'));
			if (isNaN(until)) {
				return;
			}
			var left = Math.max(0, Math.floor((until - now) / 1000));
			var days = Math.floor(left / 86400);
			var hours = Math.floor((left % 86400) / 3600);
			var minutes = Math.floor((left % 3600) / 60);
			var seconds = left % 60;
			var text = (days > 0 ? days + ' d ' : '') + (days > 0 || hours > 0 ? hours + ' h ' : '') + pad(minutes) + ' min ' + pad(seconds) + ' s';
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

	// On a phone the main menu folds behind its button (CSS hides the button on wider
	// screens); without this script the button stays hidden and the menu open.
	document.addEventListener('DOMContentLoaded', function () {
		var button = document.querySelector('.menu-button');
		var menu = button && document.getElementById(button.getAttribute('aria-controls'));
		if (!menu) {
			return;
		}
		button.hidden = false;
		document.documentElement.classList.add('menu-folds');
		button.addEventListener('click', function () {
			var open = button.getAttribute('aria-expanded') !== 'true';
			button.setAttribute('aria-expanded', String(open));
		});
		document.addEventListener('keydown', function (event) {
			if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
				button.setAttribute('aria-expanded', 'false');
				button.focus();
			}
		});
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
