// The proof checker of /verify. It checks that a ballot's leaf is in the tree whose root
// is a lottery's published ballot digest, here in the browser (SHA-256 from SubtleCrypto,
// the algorithm of RFC 9162, section 2.1.3.2), so that nobody has to trust our server for
// it. The proof comes from the address's fragment (#leaf=..&index=..&size=..&path=..,..&root=..),
// which browsers never send to a server, or from the form. Without JavaScript the page
// says what to do instead.
(function () {
	'use strict';

	var form = document.getElementById('verify-form');
	if (!form) {
		return;
	}
	var result = document.getElementById('verify-result');
	var HASH = /^[0-9a-f]{64}$/;
	var COUNT = /^[0-9]{1,15}$/;

	function field(name) {
		return form.elements[name];
	}

	function say(outcome) {
		result.textContent = result.getAttribute('data-' + outcome + '-text');
		result.setAttribute('data-valid', outcome === 'valid' ? 'true' : 'false');
		result.setAttribute('data-outcome', outcome);
	}

	function bytes(hex) {
		var out = new Uint8Array(hex.length / 2);
		for (var i = 0; i < out.length; i++) {
			out[i] = parseInt(hex.substr(i * 2, 2), 16);
		}
		return out;
	}

	// SHA-256(0x01 || left || right): a node of the tree (RFC 6962)
	function node(left, right) {
		var data = new Uint8Array(1 + left.length + right.length);
		data[0] = 1;
		data.set(left, 1);
		data.set(right, 1 + left.length);
		return crypto.subtle.digest('SHA-256', data).then(function (hash) {
			return new Uint8Array(hash);
		});
	}

	function same(a, b) {
		if (a.length !== b.length) {
			return false;
		}
		for (var i = 0; i < a.length; i++) {
			if (a[i] !== b[i]) {
				return false;
			}
		}
		return true;
	}

	// RFC 9162, 2.1.3.2: whether the path leads from the leaf at index, in a tree of size
	// leaves, to the root
	async function verify(leaf, index, size, path, root) {
		if (index >= size) {
			return false;
		}
		var fn = index;
		var sn = size - 1;
		var r = leaf;
		for (var i = 0; i < path.length; i++) {
			if (sn === 0) {
				return false;
			}
			if (fn % 2 === 1 || fn === sn) {
				r = await node(path[i], r);
				while (fn % 2 === 0 && fn !== 0) {
					fn = Math.floor(fn / 2);
					sn = Math.floor(sn / 2);
				}
			}
			else {
				r = await node(r, path[i]);
			}
			fn = Math.floor(fn / 2);
			sn = Math.floor(sn / 2);
		}
		return sn === 0 && same(r, root);
	}

	function read() {
		var leaf = field('leaf').value.trim().toLowerCase();
		var root = field('root').value.trim().toLowerCase();
		var index = field('index').value.trim();
		var size = field('size').value.trim();
		var path = field('path').value.toLowerCase().split(/[\s,]+/).filter(function (hash) {
			return hash !== '';
		});
		var wellFormed = HASH.test(leaf) && HASH.test(root) && COUNT.test(index) && COUNT.test(size)
			&& path.every(function (hash) {
				return HASH.test(hash);
			});
		if (!wellFormed) {
			return null;
		}
		return {
			leaf: bytes(leaf),
			index: Number(index),
			size: Number(size),
			path: path.map(bytes),
			root: bytes(root)
		};
	}

	function check() {
		if (!window.crypto || !window.crypto.subtle) {
			say('unsupported');
			return;
		}
		var proof = read();
		if (proof === null) {
			say('malformed');
			return;
		}
		result.removeAttribute('data-outcome');
		verify(proof.leaf, proof.index, proof.size, proof.path, proof.root).then(function (holds) {
			say(holds ? 'valid' : 'invalid');
		}, function () {
			say('invalid');
		});
	}

	// fills the form from the fragment and checks it, when the fragment holds a proof
	function fromFragment() {
		var given = false;
		location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
			var equals = pair.indexOf('=');
			if (equals <= 0) {
				return;
			}
			var name = decodeURIComponent(pair.substring(0, equals));
			var value = decodeURIComponent(pair.substring(equals + 1).replace(/\+/g, ' '));
			if (['leaf', 'index', 'size', 'path', 'root'].indexOf(name) >= 0) {
				field(name).value = (name === 'path') ? value.split(',').join('\n') : value;
				given = true;
			}
		});
		if (given) {
			check();
		}
	}

	form.hidden = false;
	form.addEventListener('submit', function (event) {
		event.preventDefault();
		check();
	});
	window.addEventListener('hashchange', fromFragment);
	fromFragment();
})();
