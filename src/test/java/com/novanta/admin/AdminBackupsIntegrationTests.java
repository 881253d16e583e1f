package com.novanta.admin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditLog;
import com.novanta.embedded.Backup;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Back up the database now" on the admin area, with the application on the file-backed
 * embedded database (its own application context, in a fresh data directory).
 */
@IntegrationTest
class AdminBackupsIntegrationTests {

	static final Path dataDir = temporaryDirectory();

	@DynamicPropertySource
	static void fileBackedDatabase(DynamicPropertyRegistry registry) {
		registry.add("lottery.database.embedded-backend", () -> "h2");
		registry.add("lottery.database.data-dir", dataDir::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog audit;

	static CurrentAccount admin;

	static CurrentAccount participant;

	@BeforeEach
	void setUp() {
		if (admin == null) {
			TestParticipants participants = new TestParticipants(this.context);
			admin = participants.admin("Backup Admin");
			participant = participants.verified("Backup Participant");
		}
	}

	@Test
	void onlyAdminsBackUp() throws Exception {
		long before = backupFiles();
		this.mvc.perform(get("/admin/backups")).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(post("/admin/backups").with(csrf())).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(get("/admin/backups").with(signedIn(participant))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/backups").with(csrf()).with(signedIn(participant)))
			.andExpect(status().isForbidden());
		assertThat(backupFiles()).isEqualTo(before);
	}

	@Test
	void anAdminBacksUpTheDatabaseAndSeesTheBackupListedAndAudited() throws Exception {
		MvcResult result = this.mvc.perform(post("/admin/backups").with(csrf()).with(signedIn(admin)))
			.andExpect(redirectedUrl("/admin/backups"))
			.andReturn();
		Backup made = (Backup) result.getFlashMap().get("made");
		assertThat(made).isNotNull();
		assertThat(made.collections()).isNotEmpty();
		// the flash attribute rides in the session, which the session store serialises
		assertThat(throughJavaSerialisation(made)).isEqualTo(made);
		assertThat(dataDir.resolve("backups").resolve(made.fileName())).isRegularFile().hasSize(made.size());
		assertThat(this.audit.find(new AuditLog.AuditFilter(admin.id(), "ADMIN_DATABASE_BACKED_UP"), 0, 10))
			.anySatisfy((event) -> assertThat(event.targetId()).isEqualTo(made.fileName()));

		this.mvc.perform(get("/admin/backups").with(signedIn(admin)).flashAttr("made", made))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(made.checksum())))
			.andExpect(content().string(containsString(made.fileName())));
	}

	@Test
	void withHtmxTheBackupsSectionAloneComesBackWithTheNewBackup() throws Exception {
		String section = this.mvc
			.perform(post("/admin/backups").with(csrf()).with(signedIn(admin)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(section).contains("id=\"backups\"").contains("id=\"backup-made\"").doesNotContain("<html");
		try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
			files.forEach((file) -> assertThat(section).contains(file.getFileName().toString()));
		}
	}

	private static long backupFiles() throws IOException {
		Path backups = dataDir.resolve("backups");
		if (!Files.isDirectory(backups)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(backups)) {
			return files.count();
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("novanta-admin-backups");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object throughJavaSerialisation(Object value) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}

}
