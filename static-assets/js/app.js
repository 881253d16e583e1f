// Novanta's only script. Pages work without it; it makes them smoother.
(function () {
	'use strict';

	// No CSRF code here: the templates' hx:post (the htmx dialect) writes the token into
	// the element's hx-headers, and htmx sends it from there.

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

	// Countdowns count by the server's clock (the page says what it was when it was
	// written), not by the device's, which may be minutes or days off: a participant must
	// not believe there is time left to play when there is none.
	var skew = 0;

	function readServerTime() {
		var meta = document.querySelector('meta[name="server-time"]');
		var server = meta ? Date.parse(meta.getAttribute('content')) : NaN;
		skew = isNaN(server) ? 0 : server - Date.now();
	}

	function tick() {
		var now = Date.now() + skew;
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
	document.addEventListener('DOMContentLoaded', function () {
		readServerTime();
		tick();
	});

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

	// A form marked data-sends-once is sent once: a second tap while the first is on its
	// way does nothing, and the button says it is sending. The button is not disabled, so
	// that its own name and value still go with the form.
	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.hasAttribute('data-sends-once') || event.submitter && event.submitter.name) {
			return;
		}
		if (form.hasAttribute('data-sending')) {
			event.preventDefault();
			return;
		}
		form.setAttribute('data-sending', '');
		var button = event.submitter;
		if (button) {
			button.setAttribute('aria-disabled', 'true');
			button.classList.add('is-busy');
			if (button.hasAttribute('data-busy-label')) {
				button.textContent = button.getAttribute('data-busy-label');
			}
		}
	});

	// Back to a page kept in the browser's cache: its form can be sent again.
	window.addEventListener('pageshow', function (event) {
		if (event.persisted) {
			document.querySelectorAll('form[data-sending]').forEach(function (form) {
				form.removeAttribute('data-sending');
			});
		}
	});

	// The play form's lines came back: focus goes where the participant is working. A new
	// line is focused and brought into view; after a line is removed, the line now in its
	// place (or the last one). Buttons that stay keep their focus (htmx finds them by id).
	document.addEventListener('htmx:afterSettle', function (event) {
		var source = event.detail.requestConfig && event.detail.requestConfig.elt;
		var action = source && source.getAttribute('value');
		if (!action || event.detail.target.id !== 'lines') {
			return;
		}
		var lines = document.querySelectorAll('#lines fieldset.line');
		var focus = null;
		if (action === 'addLine') {
			focus = lines[lines.length - 1];
		}
		else if (action.indexOf('quickPick:') === 0) {
			// the line is complete, so folded: its quick pick button is gone, its
			// "Change" button is where the participant was
			focus = document.getElementById('change-' + action.substring('quickPick:'.length));
			if (focus && focus.offsetParent !== null) {
				focus.focus();
			}
			return;
		}
		else if (action.indexOf('removeLine:') === 0) {
			var index = parseInt(action.substring('removeLine:'.length), 10);
			focus = lines[Math.min(index, lines.length - 1)];
		}
		if (focus) {
			focus.focus({ preventScroll: true });
			focus.scrollIntoView({ block: 'start', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
		}
	});

	// Complete lines fold to their balls (CSS, once the form is marked): a slip of ten
	// lines is not ten grids. "Change" opens a folded line again, with the focus on its
	// first number; it folds again once it is complete again.
	document.addEventListener('DOMContentLoaded', function () {
		var form = document.getElementById('play-form');
		if (form) {
			form.setAttribute('data-lines-fold', '');
		}
	});

	document.addEventListener('click', function (event) {
		var button = event.target.closest('.line-change');
		var line = button && button.closest('fieldset.line');
		if (!line) {
			return;
		}
		line.classList.add('is-open');
		var first = line.querySelector('.number-input:checked') || line.querySelector('.number-input');
		if (first) {
			first.focus();
		}
	});

	// A tick's answer: a line that is now complete folds, and the focus that was on its
	// grid (now hidden) goes to its "Change" button.
	document.addEventListener('htmx:afterSettle', function (event) {
		var line = event.detail.requestConfig && event.detail.requestConfig.elt;
		if (!line || !line.matches || !line.matches('fieldset.line') || !line.querySelector('.line-status[data-complete]')) {
			return;
		}
		var active = document.activeElement;
		var inGrid = active && active.closest && active.closest('.number-grid') && line.contains(active);
		line.classList.remove('is-open');
		var change = line.querySelector('.line-change');
		if (change && change.offsetParent !== null && (!active || active === document.body || inGrid)) {
			change.focus();
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
