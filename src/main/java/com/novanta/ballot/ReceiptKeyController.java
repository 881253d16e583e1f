package com.novanta.ballot;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's public key that every receipt's signature is checked with. */
@RestController
class ReceiptKeyController {

	private final ReceiptSigner signer;

	ReceiptKeyController(ReceiptSigner signer) {
		this.signer = signer;
	}

	/** The Ed25519 public key (RFC 8032), 32 bytes in hex. */
	@GetMapping(path = "/fairness/receipt-key", produces = MediaType.TEXT_PLAIN_VALUE)
	String publicKey() {
		return this.signer.publicKeyHex() + "\n";
	}

}
