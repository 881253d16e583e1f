package com.novanta.ballot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Receipts are signed with Ed25519 as RFC 8032 specifies it (its first test vector), and
 * only the statement that was signed checks; the key comes from configuration, or in dev
 * mode from a file it makes once; anywhere else the application does not start without
 * it.
 */
class ReceiptSignerTests {

	/** RFC 8032, section 7.1, test 1: the secret key, base64. */
	private static final String RFC_SECRET = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

	private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

	/** RFC 8032's signature of the empty message, base64 of its hex. */
	private static final String RFC_SIGNATURE = "5VZDAMNgrHKQhuLMgG6CioSHfx645dl02HPgZSJJAVVfuIIVkKM7rMYeOXAc+bRr0lv18FlbviRlUUFDjnoQCw==";

	@Test
	void theKeyAndSignatureAreRfc8032s() {
		ReceiptSigner signer = new ReceiptSigner(
				new MockEnvironment().withProperty(ReceiptSigner.PROPERTY, RFC_SECRET));
		assertThat(signer.publicKeyHex()).isEqualTo(RFC_PUBLIC);
		assertThat(signer.verify("", RFC_SIGNATURE)).isTrue();
		assertThat(signer.verify("x", RFC_SIGNATURE)).isFalse();
		assertThat(signer.signature(new byte[0])).isEqualTo(RFC_SIGNATURE);
	}

	@Test
	void aReceiptChecksOnlyWithTheStatementThatWasSigned() {
		ReceiptSigner signer = new ReceiptSigner(
				new MockEnvironment().withProperty(ReceiptSigner.PROPERTY, RFC_SECRET));
		BallotSlip slip = slip(List.of(List.of(3, 17, 25, 44, 61, 88), List.of(1, 2, 3, 4, 5, 6)));
		String signature = signer.sign(slip, lottery("c0ffee"));
		String statement = ReceiptSigner.statement(slip, "c0ffee");

		assertThat(statement).isEqualTo("""
				Novanta receipt 1
				lottery daily-2026-12-02
				commitment c0ffee
				receipt D-20261202-000007
				slip 7
				accepted 2026-12-01T10:00:00Z
				line 1 %s
				line 2 %s
				""".formatted(slip.leafHash(0), slip.leafHash(1)));
		assertThat(signer.verify(statement, signature)).isTrue();
		assertThat(signer.verify(statement.replace("line 2", "line 3"), signature)).isFalse();
		assertThat(signer.verify(ReceiptSigner.statement(slip, "c0ffef"), signature)).isFalse();
		BallotSlip otherNumbers = slip(List.of(List.of(3, 17, 25, 44, 61, 89), List.of(1, 2, 3, 4, 5, 6)));
		assertThat(signer.verify(ReceiptSigner.statement(otherNumbers, "c0ffee"), signature)).isFalse();
		assertThat(signer.verify(statement, "not base64!")).isFalse();
	}

	@Test
	void withoutAKeyDevModeMakesOneOnceAndAnywhereElseNothingStarts(@TempDir Path data) throws Exception {
		MockEnvironment dev = new MockEnvironment().withProperty("lottery.dev.enabled", "true")
			.withProperty("lottery.database.data-dir", data.toString());
		String first = new ReceiptSigner(dev).publicKeyHex();
		assertThat(data.resolve(ReceiptSigner.KEY_FILE)).exists();
		assertThat(new ReceiptSigner(dev).publicKeyHex()).as("the same key after a restart").isEqualTo(first);

		Files.delete(data.resolve(ReceiptSigner.KEY_FILE));
		MockEnvironment real = new MockEnvironment().withProperty("lottery.database.data-dir", data.toString());
		assertThatIllegalStateException().isThrownBy(() -> new ReceiptSigner(real))
			.withMessageContaining("LOTTERY_RECEIPT_KEY");
		assertThat(data.resolve(ReceiptSigner.KEY_FILE)).doesNotExist();
		assertThatIllegalStateException()
			.isThrownBy(() -> new ReceiptSigner(real.withProperty(ReceiptSigner.PROPERTY, "c2hvcnQ=")))
			.withMessageContaining("32 bytes");
	}

	private static BallotSlip slip(List<List<Integer>> lines) {
		return new BallotSlip(BallotSlip.id("daily-2026-12-02", 7), "daily-2026-12-02", "daily",
				LocalDate.of(2026, 12, 2), 7, "account-1", Instant.parse("2026-12-01T10:00:00Z"), lines,
				List.of(false, false), "D-20261202-000007", "account-1:key", null, 400L,
				List.of("000102030405060708090a0b0c0d0e0f", "0f0e0d0c0b0a09080706050403020100"), null);
	}

	private static Lottery lottery(String commitment) {
		return new Lottery("daily-2026-12-02", "daily", LocalDate.of(2026, 12, 2),
				Instant.parse("2026-12-02T23:00:00Z"), LotteryStatus.OPEN, commitment, 7, 14, null, null, null, null,
				null, null, null, null, null, 2, null, null);
	}

}
