package com.novanta.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.novanta.account.internal.AccountPlayChoices;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.internal.EmailAddresses;
import com.novanta.account.profile.Profiles;
import com.novanta.account.social.SocialProfile;
import com.novanta.account.social.SocialSignIn;
import com.novanta.audit.AuditEvent;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.KeptPlayRestrictions;
import com.novanta.responsibleplay.ResponsiblePlay;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.types.ObjectId;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Self-exclusion and limits are not lifted by deleting the account: signing up again with
 * the same email, or signing in with a provider that carries it, gives the new account
 * the restrictions the old one had at its deletion. Only a verified account's are kept
 * (anyone can sign up with someone else's address), and only while they bind.
 */
@IntegrationTest
class PlayRestrictionsAfterDeletionIntegrationTests {

	static final String PASSWORD = "a long passphrase";

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final String EXCLUDED = "You excluded yourself from play, so ballots cannot be accepted.";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	SocialSignIn socialSignIn;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	AuditLog audit;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	KeptPlayRestrictions kept;

	@Autowired
	AccountPlayChoices choices;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationContext context;

	Lottery lottery;

	String email;

	@BeforeEach
	void setUp() {
		this.lottery = new TestLotteries(this.context).open("daily");
		// mid-morning in Rome, weeks before the lottery closes
		this.clock.freezeAt(this.lottery.closesAt()
			.atZone(ROME)
			.minusDays(40)
			.truncatedTo(ChronoUnit.DAYS)
			.withHour(10)
			.toInstant());
		this.email = TestParticipants.email("returning");
	}

	@Test
	void anExclusionOutlivesTheAccount() throws Exception {
		Account first = signUpAndVerify();
		assertThat(play(first, 1)).isEqualTo("accepted");
		perform(post("/account/exclusion").param("period", "ONE_YEAR"), first);
		Instant until = this.repository.findById(first.id()).orElseThrow().responsiblePlay().excludedUntil();
		assertThat(Html.parse(perform(get("/account"), first)).select("#delete-keeps-restrictions").text())
			.startsWith("Your self-exclusion and limits are not lifted");

		delete(first);
		Account second = signUpAndVerify();

		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(play(second, 1)).contains(EXCLUDED);
		assertThat(second.responsiblePlay().excludedUntil()).isEqualTo(until);
		// audited values are stored as dates
		Date end = Date.from(until);
		assertThat(onlyEvent(first.id(), "PLAY_RESTRICTIONS_KEPT").after()).containsEntry("excludedUntil", end)
			.containsEntry("forgetAfter", end);
		assertThat(onlyEvent(second.id(), "PLAY_RESTRICTIONS_RESTORED").after()).containsEntry("excludedUntil", end);
	}

	@Test
	void aLowerLimitAndARaiseThatWaitsOutliveTheAccount() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/limits").param("dailyLimit", "2").param("monthlyLimit", ""), first);
		perform(post("/account/limits").param("dailyLimit", "10").param("monthlyLimit", ""), first);

		delete(first);
		this.clock.advance(Duration.ofHours(1));
		Account second = signUpAndVerify();

		assertThat(play(second, 3)).contains("you can add 2 more ballots today");
		assertThat(play(second, 2)).isEqualTo("accepted");
		assertThat(play(second, 1)).contains("you cannot add more ballots today");
		// the raise takes effect when it would have for the deleted account, not later
		this.clock.advance(Duration.ofHours(23));
		assertThat(play(second, 10)).isEqualTo("accepted");
		assertThat(play(second, 1)).contains("you cannot add more ballots today");
		assertThat(onlyEvent(first.id(), "PLAY_RESTRICTIONS_KEPT").after()).containsEntry("dailyLimit", 2)
			.containsEntry("dailyPending", 10)
			.containsEntry("forgetAfter", null);
	}

	@Test
	void anExclusionOutlivesTheAccountWhenItsOwnerComesBackThroughAProvider() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "SIX_MONTHS"), first);
		delete(first);

		CurrentAccount signedIn = this.socialSignIn.signIn(
				new SocialProfile("google", "google-" + UUID.randomUUID(), this.email, true, "Ada Lovelace"), null,
				TestParticipants.clientAddress());
		Account second = this.repository.findById(signedIn.id()).orElseThrow();

		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(second.emailVerified()).isTrue();
		assertThat(play(second, 1)).contains(EXCLUDED);
	}

	@Test
	void keptRestrictionsStayHiddenUntilTheAddressIsVerified() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/limits").param("dailyLimit", "3").param("monthlyLimit", "40"), first);
		perform(post("/account/exclusion").param("period", "ONE_YEAR"), first);
		Instant until = this.repository.findById(first.id()).orElseThrow().responsiblePlay().excludedUntil();
		delete(first);

		// anyone can sign up with the address: nothing tells them its owner's choices
		Account second = signUp();
		assertThat(second.responsiblePlay()).isEqualTo(ResponsiblePlay.NONE);
		assertShowsNoRestrictions(second);
		assertThat(this.audit.find(new AuditLog.AuditFilter(second.id(), "PLAY_RESTRICTIONS_RESTORED"), 0, 1))
			.isEmpty();

		Account verified = verify(second);

		assertThat(verified.responsiblePlay().excludedUntil()).isEqualTo(until);
		assertThat(verified.responsiblePlay().daily().value()).isEqualTo(3);
		assertThat(verified.responsiblePlay().monthly().value()).isEqualTo(40);
		assertThat(play(verified, 1)).contains(EXCLUDED);
		Document page = Html.parse(perform(get("/account"), verified));
		assertThat(page.select("#exclusion-status")).isNotEmpty();
		assertThat(page.select("#dailyLimit").val()).isEqualTo("3");
		assertThat(onlyEvent(second.id(), "PLAY_RESTRICTIONS_RESTORED").after()).containsEntry("excludedUntil",
				Date.from(until));
	}

	@Test
	void aPasswordResetLinkVerifiesTheAddressAndBindsTheNewAccountThen() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "TWO_YEARS"), first);
		Instant until = this.repository.findById(first.id()).orElseThrow().responsiblePlay().excludedUntil();
		delete(first);
		Account second = signUp();
		assertShowsNoRestrictions(second);

		this.mvc
			.perform(
					post("/password/forgot").param("email", this.email).with(TestParticipants.newClient()).with(csrf()))
			.andExpect(status().isOk());
		String link = TestMail.linkIn(new TestMail(this.mailbox).latest(this.email, "Reset your password"));
		String token = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn())
			.select("input[name=token]")
			.val();
		this.mvc
			.perform(post("/password/reset").param("token", token)
				.param("password", "another long passphrase")
				.param("confirmation", "another long passphrase")
				.with(csrf()))
			.andExpect(redirectedUrl("/signin"));

		Account verified = this.repository.findById(second.id()).orElseThrow();
		assertThat(verified.emailVerified()).isTrue();
		assertThat(verified.responsiblePlay().excludedUntil()).isEqualTo(until);
		assertThat(play(verified, 1)).contains(EXCLUDED);
	}

	@Test
	void aProvidersOwnerWhoTakesOverAnUnverifiedAccountIsBoundThen() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "ONE_YEAR"), first);
		Instant until = this.repository.findById(first.id()).orElseThrow().responsiblePlay().excludedUntil();
		delete(first);
		Account squatted = signUp();
		assertShowsNoRestrictions(squatted);

		CurrentAccount signedIn = this.socialSignIn.signIn(
				new SocialProfile("google", "google-" + UUID.randomUUID(), this.email, true, "Ada Lovelace"), null,
				TestParticipants.clientAddress());

		Account claimed = this.repository.findById(signedIn.id()).orElseThrow();
		assertThat(claimed.id()).isEqualTo(squatted.id());
		assertThat(claimed.emailVerified()).isTrue();
		assertThat(claimed.responsiblePlay().excludedUntil()).isEqualTo(until);
		assertThat(play(claimed, 1)).contains(EXCLUDED);
	}

	@Test
	void theStricterOfTheKeptChoicesAndTheAccountsOwnBinds() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/limits").param("dailyLimit", "5").param("monthlyLimit", ""), first);
		perform(post("/account/exclusion").param("period", "SIX_MONTHS"), first);
		delete(first);
		Account second = signUp();
		// choices of its own before verifying: a lower monthly limit, a longer exclusion,
		// a higher daily one
		perform(post("/account/limits").param("dailyLimit", "9").param("monthlyLimit", "30"), second);
		perform(post("/account/exclusion").param("period", "ONE_YEAR"), second);
		Instant ownUntil = this.repository.findById(second.id()).orElseThrow().responsiblePlay().excludedUntil();

		Account verified = verify(second);

		assertThat(verified.responsiblePlay().daily().value()).isEqualTo(5);
		assertThat(verified.responsiblePlay().monthly().value()).isEqualTo(30);
		assertThat(verified.responsiblePlay().excludedUntil()).isEqualTo(ownUntil);
	}

	@Test
	void aVerificationBetweenADeletionsReadAndWriteMakesTheDeletionKeepAgain() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "ONE_YEAR"), first);
		delete(first);
		Account second = signUp();
		perform(post("/account/limits").param("dailyLimit", "4").param("monthlyLimit", ""), second);
		// a deletion reads the unverified account (whose choices are not kept) ...
		Account readByDeletion = this.repository.findById(second.id()).orElseThrow();
		assertThat(this.choices.keep(readByDeletion)).isEmpty();

		// ... the address is verified meanwhile ...
		verify(second);

		// ... so the deletion's conditional write no longer applies: it reads and keeps
		// again
		assertThat(this.repository.update(second.id(), Profiles.unchangedSince(readByDeletion),
				new Update().set("status", AccountStatus.DELETED)))
			.isEmpty();
	}

	@Test
	void aVerificationBetweenADeletionsReadAndWriteMakesTheDeletionKeepAgainWhenNothingWasKept() throws Exception {
		Account account = signUp();
		perform(post("/account/limits").param("dailyLimit", "4").param("monthlyLimit", ""), account);
		Account readByDeletion = this.repository.findById(account.id()).orElseThrow();
		assertThat(this.choices.keep(readByDeletion)).isEmpty();

		Account verified = verify(account);

		// the account's own choices did not change, its being verified did
		assertThat(verified.responsiblePlay()).isEqualTo(readByDeletion.responsiblePlay());
		assertThat(this.repository.update(account.id(), Profiles.unchangedSince(readByDeletion),
				new Update().set("status", AccountStatus.DELETED)))
			.isEmpty();
		assertThat(this.choices.keep(verified)).isPresent();
	}

	@Test
	void anUnverifiedAccountsExclusionIsNotKept() throws Exception {
		// someone signs up with an address that is not theirs, excludes it and deletes it
		Account squatter = signUp();
		perform(post("/account/exclusion").param("period", "FIVE_YEARS"), squatter);
		assertThat(Html.parse(perform(get("/account"), squatter)).select("#delete-keeps-restrictions")).isEmpty();
		delete(squatter);

		Account owner = signUpAndVerify();

		assertThat(owner.responsiblePlay().excludedUntil()).isNull();
		assertThat(play(owner, 1)).isEqualTo("accepted");
		assertThat(this.audit.find(new AuditLog.AuditFilter(squatter.id(), "PLAY_RESTRICTIONS_KEPT"), 0, 1)).isEmpty();
	}

	@Test
	void anExclusionThatEndedIsForgotten() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "SIX_MONTHS"), first);
		delete(first);

		this.clock.advance(Duration.ofDays(190));
		Account second = signUpAndVerify();

		assertThat(second.responsiblePlay()).isEqualTo(ResponsiblePlay.NONE);
	}

	@Test
	void whatIsKeptHoldsNoEmailAndNoName() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "SIX_MONTHS"), first);
		delete(first);

		assertThat(this.mongo.getCollection("kept_play_restrictions").find().into(new ArrayList<>()))
			.anySatisfy((stored) -> assertThat(stored.getString("_id"))
				.isEqualTo(AccountTokens.hash(EmailAddresses.normalize(this.email))))
			.allSatisfy((stored) -> assertThat(stored.toJson()).doesNotContain(this.email)
				.doesNotContain(first.id())
				.doesNotContain("Ada"));
	}

	@Test
	void aDeletionThatOvertakesASignUpStillBindsTheNewAccount() {
		Account old = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(this.email, PASSWORD);
		old = this.repository
			.update(old.id(),
					new Update()
						.set("responsiblePlay",
								ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.TWO_YEARS, this.clock.instant(), ROME)
									.orElseThrow()))
			.orElseThrow();
		// a sign-up reads what is kept for the email (nothing yet) ...
		ResponsiblePlay readBefore = this.kept.forNewAccount(this.email);
		// ... the owner deletes the old account meanwhile ...
		this.choices.keep(old);
		this.repository.update(old.id(), new Update().set("email", "deleted+" + old.id() + "@invalid"));
		// ... and the sign-up inserts its account
		Account inserted = this.repository.insert(new Account(new ObjectId().toHexString(), this.email, false, null,
				"Ada", null, AccountRepository.participant(), "Europe/Rome", "en", true, AccountStatus.ACTIVE, 0,
				this.clock.instant(), null, null, readBefore, null));

		Account restored = this.choices.restored(inserted, new Actor(inserted.id(), this.email, null));

		assertThat(readBefore).isEqualTo(ResponsiblePlay.NONE);
		assertThat(restored.responsiblePlay().excludedUntil()).isEqualTo(old.responsiblePlay().excludedUntil());
		assertThat(this.repository.findById(inserted.id()).orElseThrow().responsiblePlay())
			.isEqualTo(restored.responsiblePlay());
	}

	@Test
	void whatNoLongerBindsIsForgotten() throws Exception {
		Account first = signUpAndVerify();
		perform(post("/account/exclusion").param("period", "SIX_MONTHS"), first);
		delete(first);
		assertThat(keptDocuments()).isOne();

		this.kept.forgetEnded();
		assertThat(keptDocuments()).isOne();
		this.clock.advance(Duration.ofDays(190));
		this.kept.forgetEnded();

		assertThat(keptDocuments()).isZero();
	}

	/** The documents kept for this test's email: keyed by the SHA-256 of the address. */
	private long keptDocuments() throws NoSuchAlgorithmException {
		String key = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(this.email.getBytes(StandardCharsets.UTF_8)));
		return this.mongo.getCollection("kept_play_restrictions").countDocuments(Filters.eq("_id", key));
	}

	private Account signUp() throws Exception {
		this.mvc
			.perform(post("/signup").param("name", "Ada Lovelace")
				.param("email", this.email)
				.param("password", PASSWORD)
				.param("adult", "true")
				.param("terms", "true")
				.with(TestParticipants.newClient())
				.with(csrf()))
			.andExpect(redirectedUrl("/signup/check-email"));
		return this.repository.findByEmail(this.email).orElseThrow();
	}

	private Account signUpAndVerify() throws Exception {
		return verify(signUp());
	}

	private Account verify(Account account) throws Exception {
		TestParticipants.confirmEmailThroughLink(this.mvc, new TestMail(this.mailbox), this.email);
		Account verified = this.repository.findById(account.id()).orElseThrow();
		assertThat(verified.emailVerified()).isTrue();
		return verified;
	}

	/** The account page shows no exclusion, no limit and no raise waiting. */
	private void assertShowsNoRestrictions(Account account) throws Exception {
		Document page = Html.parse(perform(get("/account"), account));
		assertThat(page.select("#responsible-play")).isNotEmpty();
		assertThat(page.select("#exclusion-status")).isEmpty();
		assertThat(page.select("#dailyLimit").val()).isEmpty();
		assertThat(page.select("#monthlyLimit").val()).isEmpty();
		assertThat(page.select(".pending")).isEmpty();
		assertThat(page.select("#delete-keeps-restrictions")).isEmpty();
	}

	private void delete(Account account) throws Exception {
		perform(post("/account/delete").param("confirmation", PASSWORD), account);
		assertThat(this.repository.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.DELETED);
	}

	/** Submits a slip of ballots on the play form: "accepted", or the reason shown. */
	private String play(Account account, int lines) throws Exception {
		MockHttpServletRequestBuilder submit = post("/play/{id}", this.lottery.id()).param("key",
				UUID.randomUUID().toString());
		for (int line = 0; line < lines; line++) {
			submit.param("lines[" + line + "].numbers", "1", "2", "3", "4", "5", String.valueOf(10 + line));
		}
		MvcResult result = perform(submit, account);
		if (result.getResponse().getStatus() == 302) {
			assertThat(result.getResponse().getRedirectedUrl()).contains("?accepted");
			return "accepted";
		}
		return Html.parse(result).select("#rejection").text();
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, Account account) throws Exception {
		Account now = this.repository.findById(account.id()).orElseThrow();
		return this.mvc.perform(request.with(TestParticipants.signedIn(now)).with(csrf())).andReturn();
	}

	/** The account's one entry of an action. */
	private AuditEvent onlyEvent(String accountId, String action) {
		List<AuditEvent> events = this.audit.find(new AuditLog.AuditFilter(accountId, action), 0, 10);
		assertThat(events).as("%s entries of %s", action, accountId).hasSize(1);
		return events.get(0);
	}

}
