package com.novanta.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.novanta.config.FormFields;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.novanta.web.HostileRequest.Who.ADMIN;
import static com.novanta.web.HostileRequest.Who.PARTICIPANT;
import static com.novanta.web.HostileRequest.get;
import static com.novanta.web.HostileRequest.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every form, renamed as no page of ours names it: nested ({@code name.x},
 * {@code name.$gt}), indexed ({@code name[0]}, {@code name[x]}) and operator-shaped
 * ({@code name[$ne]}), and every index of a list field replaced by what is not a small
 * index. The names come from each form's own {@link FormFields}. A handler that binds a
 * form refuses each with a 400 before binding; one that only reads request parameters
 * ignores them, as if the field were missing. Never a 500, and nothing changes. A last
 * test checks that every field of every form of the application is in these tables.
 */
@IntegrationTest
class HostileFieldNameTests {

	static final String PASSWORD = "a long hostile passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	/** Forms bound to an object: each renamed field is refused. */
	static Stream<HostileRequest> everyFormFieldRenamed() {
		return Stream.of(refused(signUp(), form("account.signup.SignUpForm")),
				refused(profile(), form("account.profile.ProfileForm")),
				refused(notifications("one's notifications"), form("account.profile.NotificationsForm")),
				refused(notifications("one's notifications, htmx").htmx(), form("account.profile.NotificationsForm")),
				refused(post("responsible play limits", "/account/limits").as(PARTICIPANT)
					.param("dailyLimit", "5")
					.param("monthlyLimit", ""), form("account.profile.PlayLimitsForm")),
				refused(ballot("a ballot", "/play/{id}"), form("ballot.PlayForm")),
				refused(ballot("a button of the ballot form", "/play/{id}/edit").param("action", "addLine"),
						form("ballot.PlayForm"), "action"),
				refused(ballot("a button of the ballot form, htmx", "/play/{id}/edit").param("action", "addLine")
					.htmx(), form("ballot.PlayForm"), "action"),
				refused(ballot("a ticked number", "/play/{id}/status").param("index", "0").htmx(),
						form("ballot.PlayForm"), "index"),
				refused(post("a line to save", "/my/lines").as(PARTICIPANT)
					.param("name", "Renamed " + UUID.randomUUID())
					.param("game", "daily")
					.param("numbers", "1 2 3 4 5 6"), form("lines.SaveLineForm")),
				refused(post("a line to save, htmx", "/my/lines").as(PARTICIPANT)
					.param("name", "Renamed " + UUID.randomUUID())
					.param("game", "daily")
					.param("numbers", "1 2 3 4 5 6")
					.htmx(), form("lines.SaveLineForm")),
				refused(subscription("a subscription to review", "/my/subscriptions/review"),
						form("subscription.SubscriptionForm")),
				refused(subscription("a subscription to start", "/my/subscriptions"),
						form("subscription.SubscriptionForm")),
				refused(post("the play page's lines to subscribe", "/my/subscriptions/new").as(PARTICIPANT)
					.param("lottery", "@lottery")
					.param("key", "renamed-subscribe")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6"), form("ballot.PlayForm"), "lottery"),
				refused(get("the winner search", "/admin/winners").as(ADMIN)
					.param("game", "daily")
					.param("tier", "6")
					.param("page", "1"), form("admin.AdminWinnersController$WinnerSearch"), "page"),
				refused(get("the winner export", "/admin/winners.csv").as(ADMIN).param("game", "daily"),
						form("admin.AdminWinnersController$WinnerSearch")))
			.flatMap(Function.identity());
	}

	/**
	 * Forms read parameter by parameter: a renamed field is ignored, and the answer is
	 * the one without it.
	 */
	static Stream<HostileRequest> everyParameterRenamed() {
		return Stream
			.of(ignored(post("no pending sign-in to link", "/signin/link").redirectsTo("/signin"), "password"),
					ignored(post("a reset link", "/password/forgot").expect(200, "Enter a valid email address"),
							"email"),
					ignored(post("a new password", "/password/reset").expect(200, "That link does not work any more"),
							"token", "password", "confirmation"),
					ignored(post("changing one's password", "/account/password").as(PARTICIPANT)
						.expect(200, "Enter a password."), "currentPassword", "password", "confirmation"),
					ignored(post("deleting one's account", "/account/delete").as(PARTICIPANT)
						.redirectsTo("/account", "deleteRefused"), "confirmation"),
					ignored(post("excluding oneself", "/account/exclusion").as(PARTICIPANT)
						.redirectsTo("/account", "exclusionProblem"), "period"),
					ignored(get("what excluding oneself means", "/account/exclusion").as(PARTICIPANT)
						.redirectsTo("/account", "exclusionProblem"), "period"),
					ignored(post("unsubscribing", "/unsubscribe/{kind}", "no-win").withoutCsrfToken()
						.expect(400, "That link is not valid"), "account", "token"),
					ignored(get("the unsubscribe page", "/unsubscribe/{kind}", "no-win").expect(400,
							"That link is not valid"), "account", "token"),
					ignored(post("unsubscribing from closing reminders", "/unsubscribe/{kind}", "closing-reminders")
						.withoutCsrfToken()
						.expect(400, "That link is not valid"), "account", "token"),
					ignored(get("the jackpot alerts unsubscribe page", "/unsubscribe/{kind}", "jackpot-alerts")
						.expect(400, "That link is not valid"), "account", "token"),
					ignored(post("sharing a win that is not there", "/my/wins/{slip}/{line}/publicity", "@mySlip", "0")
						.as(PARTICIPANT)
						.expect(404), "shareCity", "sharePrize", "page"),
					ignored(post("sharing a win that is not there, htmx", "/my/wins/{slip}/{line}/publicity", "@mySlip",
							"0")
						.as(PARTICIPANT)
						.htmx()
						.expect(404), "shareCity", "sharePrize"),
					ignored(get("my wins", "/my/wins").as(PARTICIPANT), "page"), ignored(
							get("the play page", "/play/{id}", "@lottery").as(PARTICIPANT).expect(200, "0 of 6 chosen"),
							"numbers", "line"),
					ignored(get("my lines", "/my/lines").as(PARTICIPANT), "game", "numbers"), ignored(
							get("a subscription from a receipt", "/my/subscriptions/new")
								.as(PARTICIPANT)
								.param("slip", "@mySlip"),
							"slip", "line"),
					ignored(get("my ballots", "/my/ballots").as(PARTICIPANT), "game", "date", "result", "cursor"),
					ignored(get("my ballots, htmx", "/my/ballots").as(PARTICIPANT)
						.htmx(), "game", "date", "result", "cursor"),
					ignored(get("the lotteries", "/lotteries"), "game", "date", "page"),
					ignored(get("the ballots of a lottery not drawn yet", "/lotteries/{id}/ballots", "@lottery")
						.expect(404), "page"),
					ignored(get("the statistics", "/statistics"), "game", "period", "from", "to"),
					ignored(get("the statistics, htmx", "/statistics").htmx(), "game", "period", "from", "to"),
					ignored(get("the archive of a game's draws", "/api/v1/games/{game}/draws", "daily"), "page",
							"size"),
					ignored(get("the number checker", "/checker"), "game", "numbers", "period", "page", "line"),
					ignored(get("the number checker, signed in", "/checker").as(PARTICIPANT), "line"),
					ignored(get("the number checker, htmx", "/checker").htmx(), "game", "numbers", "period", "page",
							"line"),
					ignored(get("a verification link", "/account/verify").expect(200, "That link does not work"),
							"token"),
					ignored(post("using a verification link", "/account/verify").redirectsTo("/account/verify",
							"verified"), "token"),
					ignored(get("a sign-in link", "/signin/link/confirm").expect(200, "That link does not work"),
							"token"),
					ignored(post("using a sign-in link", "/signin/link/confirm").redirectsTo("/signin", "linkExpired"),
							"token"),
					ignored(get("a reset link", "/password/reset"), "token"),
					ignored(get("the participants", "/admin/participants").as(ADMIN), "q", "page"),
					ignored(get("the lotteries, to an admin", "/admin/lotteries").as(ADMIN), "game", "page"),
					ignored(post("drawing without the beacon", "/admin/lotteries/{id}/beacon-override", "@lottery")
						.as(ADMIN)
						.redirectsTo("/admin/lotteries/", "overrideProblem"), "reason"),
					ignored(get("the audit log", "/admin/audit").as(ADMIN), "actor", "action", "page"))
			.flatMap(Function.identity());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "everyFormFieldRenamed", "everyParameterRenamed" })
	void getsAClearAnswerAndChangesNothing(HostileRequest hostile) throws Exception {
		new HostileRequests(this.mvc, HostileFixture.of(this.context)).perform(hostile);
	}

	/**
	 * Every field of every handler that binds a form or reads request parameters is tried
	 * in the tables above, and every form declares its fields, so that a form or field
	 * added tomorrow is tried too.
	 */
	@Test
	void everyFieldOfEveryFormIsInTheTables() {
		Map<String, Set<String>> tried = new HashMap<>();
		Stream.concat(everyFormFieldRenamed(), everyParameterRenamed())
			.forEach((hostile) -> tried
				.computeIfAbsent(route(hostile.method().name(), hostile.path()), (route) -> new HashSet<>())
				.addAll(hostile.paramNames()));
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		List<HandlerMethodArgumentResolver> resolvers = this.context.getBean(RequestMappingHandlerAdapter.class)
			.getArgumentResolvers();
		List<String> missing = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("com.novanta")) {
				return;
			}
			List<String> fields = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (isBoundToAForm(parameter, resolvers)) {
					FormFields declared = parameter.getParameterType().getAnnotation(FormFields.class);
					assertThat(declared).as("the fields of %s, bound by %s", parameter.getParameterType(), handler)
						.isNotNull();
					assertThat(UndeclaredFieldGuard.isForm(parameter)).as("%s guarded", parameter).isTrue();
					assertThat(properties(List.of(declared.value())))
						.as("the properties %s declares", parameter.getParameterType())
						.isEqualTo(properties(parameter.getParameterType()));
					fields.addAll(List.of(declared.value()));
				}
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null) {
					parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
					fields.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
				}
			}
			for (String route : routes(info)) {
				Set<String> names = tried.getOrDefault(route, Set.of());
				fields.stream()
					.filter((field) -> !isTried(field, names))
					.forEach((field) -> missing.add(route + " " + field));
			}
		});
		assertThat(missing).as("fields not in the tables").isEmpty();
	}

	/** The properties that declared fields bind, markers and paths aside. */
	private static Set<String> properties(List<String> declared) {
		return declared.stream()
			.map((field) -> field.replaceFirst("^_", "").replaceFirst("[.\\[].*", ""))
			.collect(Collectors.toSet());
	}

	/** The properties of a form: a record's components, a bean's writable properties. */
	private static Set<String> properties(Class<?> form) {
		if (form.isRecord()) {
			return Stream.of(form.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
		}
		return Stream.of(BeanUtils.getPropertyDescriptors(form))
			.filter((property) -> property.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.collect(Collectors.toSet());
	}

	private static boolean isTried(String field, Set<String> names) {
		String first = field.replace("[i]", "[0]");
		return names.stream().anyMatch((name) -> name.startsWith(first + ".") || name.startsWith(first + "["));
	}

	/** What Spring binds as a model attribute, by the resolver it would use. */
	private static boolean isBoundToAForm(MethodParameter parameter, List<HandlerMethodArgumentResolver> resolvers) {
		return resolvers.stream()
			.filter((resolver) -> resolver.supportsParameter(parameter))
			.findFirst()
			.filter(ModelAttributeMethodProcessor.class::isInstance)
			.isPresent();
	}

	private static List<String> routes(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		List<String> routes = new ArrayList<>();
		for (String pattern : info.getPatternValues()) {
			for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
				routes.add(route(method.name(), pattern));
			}
		}
		return routes;
	}

	private static String route(String method, String path) {
		return method + " " + path.replaceAll("\\{[^}]*}", "{}");
	}

	/** Each declared field, and each other name given, renamed: a 400 each time. */
	private static Stream<HostileRequest> refused(HostileRequest base, List<String> fields, String... others) {
		return Stream.concat(fields.stream(), Stream.of(others))
			.flatMap((field) -> renamings(field, true).stream()
				.map((name) -> base.copy(base.what() + ": " + field + " sent as " + name)
					.rename(field.replace("[i]", "[0]"), name)
					.expect(400)));
	}

	/** Each parameter renamed, beside what the request sends: the same answer. */
	private static Stream<HostileRequest> ignored(HostileRequest base, String... parameters) {
		return Stream.of(parameters)
			.flatMap((parameter) -> renamings(parameter, false).stream()
				.map((name) -> base.copy(base.what() + ": " + parameter + " sent as " + name).param(name, "1")));
	}

	/**
	 * Nested, indexed and operator-shaped names of a field; for a form's field, also
	 * those that once made the binder fail outright or reach into the class, and for a
	 * list field every index that is not a small one.
	 */
	private static List<String> renamings(String field, boolean ofAForm) {
		String first = field.replace("[i]", "[0]");
		List<String> names = new ArrayList<>(List.of(first + ".x", first + "[0]", first + "[$ne]", first + ".$gt"));
		if (ofAForm) {
			names.addAll(List.of(first + "[x]", first + ".class"));
		}
		if (field.contains("[i]")) {
			for (String index : List.of("$ne", "x", "-1", "01", "256")) {
				names.add(field.replace("[i]", "[" + index + "]"));
			}
		}
		return names;
	}

	/** The fields a form of the application declares. */
	private static List<String> form(String name) {
		try {
			FormFields fields = Class.forName("com.novanta." + name).getAnnotation(FormFields.class);
			assertThat(fields).as("@FormFields of %s", name).isNotNull();
			return List.of(fields.value());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("No form " + name, ex);
		}
	}

	private static HostileRequest signUp() {
		return post("a sign-up", "/signup").param("name", "Mallory")
			.param("email", "renamed-" + UUID.randomUUID() + "@example.com")
			.param("password", PASSWORD)
			.param("city", "Turin")
			.param("adult", "true")
			.param("terms", "true");
	}

	private static HostileRequest profile() {
		return post("one's details", "/account").as(PARTICIPANT)
			.param("name", "Renamed Player")
			.param("city", "Milan")
			.param("timeZone", "Europe/London")
			.param("language", "it");
	}

	private static HostileRequest notifications(String what) {
		return post(what, "/account/notifications").as(PARTICIPANT)
			.param("noWinEmails", "false")
			.param("_noWinEmails", "on")
			.param("closing", "daily")
			.param("_closing", "on")
			.param("thresholds[0]", "5000000")
			.param("thresholds[1]", "");
	}

	/** A subscription that would be started, but for the renamed field. */
	private static HostileRequest subscription(String what, String path) {
		return post(what, path).as(PARTICIPANT)
			.param("game", "daily")
			.param("lines", "1 2 3 4 5 6")
			.param("kind", "fixed")
			.param("draws", "3")
			.param("minJackpot", "");
	}

	/** A ballot that would be accepted, but for the renamed field. */
	private static HostileRequest ballot(String what, String path) {
		return post(what, path, "@lottery").as(PARTICIPANT)
			.param("key", "renamed-" + UUID.randomUUID())
			.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
			.param("lines[0].quickPickNumbers", "");
	}

}
