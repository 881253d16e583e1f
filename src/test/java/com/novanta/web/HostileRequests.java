package com.novanta.web;

import java.util.Map;

import com.novanta.account.TestParticipants;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.Html;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a {@link HostileRequest} through MockMvc and checks its answer: the expected
 * status (an exception nobody handled, which would be a 500, fails the test), the
 * expected message, no stack trace and no markup of the request echoed unescaped, and the
 * database unchanged.
 */
final class HostileRequests {

	private final MockMvc mvc;

	private final HostileFixture fixture;

	HostileRequests(MockMvc mvc, HostileFixture fixture) {
		this.mvc = mvc;
		this.fixture = fixture;
	}

	/** Sends the request; nothing but bookkeeping may change. */
	MvcResult perform(HostileRequest hostile) throws Exception {
		return perform(hostile, false);
	}

	/**
	 * Sends the request, which must not even reach the application: nothing at all may
	 * change, bookkeeping included.
	 */
	MvcResult performRefusedAtTheDoor(HostileRequest hostile) throws Exception {
		return perform(hostile, true);
	}

	private MvcResult perform(HostileRequest hostile, boolean bookkeepingToo) throws Exception {
		// A client address of its own for each request, so that the sign-up and sign-in
		// limits per client, shared with the other tests, never answer instead of the
		// validation.
		String client = hostile.isFromLoopback() ? "127.0.0.1" : TestParticipants.clientAddress();
		this.fixture.forgetPasswordGuesses();
		DatabaseSnapshot before = this.fixture.snapshot();
		MvcResult result = this.mvc
			.perform(hostile.build(this.fixture::reference).with(this.fixture.as(hostile.who())).with((request) -> {
				request.setRemoteAddr(client);
				return request;
			}))
			.andReturn();
		if (bookkeepingToo) {
			before.assertNothingChanged();
		}
		else {
			before.assertUnchanged();
		}
		check(hostile, result.getResponse());
		if (hostile.flash() != null) {
			assertThat((Map<String, Object>) result.getFlashMap()).as(hostile.toString()).containsKey(hostile.flash());
		}
		return result;
	}

	static void check(HostileRequest hostile, MockHttpServletResponse response) throws Exception {
		String body = response.getContentAsString();
		assertThat(response.getStatus()).as("%s%n%s", hostile, body).isEqualTo(hostile.status());
		assertAnswerIsClean(body);
		if (hostile.text() != null) {
			assertThat(Html.parse(body).text()).as(hostile.toString()).contains(hostile.text());
		}
		if (hostile.location() != null) {
			assertThat(response.getRedirectedUrl()).as(hostile.toString()).startsWith(hostile.location());
		}
	}

	/** No stack trace, no exception name, and no markup we did not write. */
	static void assertAnswerIsClean(String body) {
		assertThat(body).doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("at com.novanta")
			.doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.doesNotContain("<b>");
	}

}
