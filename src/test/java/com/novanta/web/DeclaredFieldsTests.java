package com.novanta.web;

import java.util.List;

import com.novanta.config.FormFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list of one handler's forms, as {@link UndeclaredFieldGuard} applies it. */
class DeclaredFieldsTests {

	@FormFields({ "name", "adult", "_adult" })
	record Plain(String name, boolean adult) {
	}

	@FormFields({ "key", "lines[i].numbers", "_lines[i].numbers", "lines[i].quickPickNumbers" })
	static class Lines {

	}

	@FormFields({ "grid[i][i]" })
	static class Grid {

	}

	static class Undeclared {

	}

	final DeclaredFields lines = DeclaredFields.of(List.of(Lines.class));

	@ParameterizedTest
	@ValueSource(strings = { "key", "lines[0].numbers", "lines[9].numbers", "lines[255].numbers", "_lines[3].numbers",
			"lines[10].quickPickNumbers" })
	void bindsWhatTheFormDeclares(String parameter) {
		assertThat(this.lines.allows(parameter)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "_csrf", "lang", "continue", "action", "index", "name", "lines", "key$ne", "$where", "",
			"lines]" })
	void letsPlainNamesThroughForTheBinderToIgnore(String parameter) {
		assertThat(this.lines.allows(parameter)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "key.x", "key[0]", "key[$ne]", "key.$gt", "lines[0].numbers[x]", "lines[0].numbers[$ne]",
			"lines[0].numbers[0]", "lines[0].numbers.x", "lines[$ne].numbers", "lines[x].numbers", "lines[-1].numbers",
			"lines[+1].numbers", "lines[01].numbers", "lines[ 1].numbers", "lines[256].numbers", "lines[5000].numbers",
			"lines[99999999999999999999].numbers", "lines[].numbers", "lines[i].numbers", "lines[0]", "lines[0].",
			"lines.numbers", "lines[0].Numbers", "lines[0]numbers", "lines[0].numbers ", " lines[0].numbers",
			"lines['0'].numbers", "lines[0].quickPickNumbers[0]", "_lines[0].numbers.x", "name[$gt]", "name.x",
			"!lines[0].numbers", "lines[0].numbers\n", "lines[0].class.classLoader" })
	void refusesEveryOtherPropertyPath(String parameter) {
		assertThat(this.lines.allows(parameter)).isFalse();
	}

	@Test
	void aFormOfPlainFieldsBindsNoPropertyPath() {
		DeclaredFields plain = DeclaredFields.of(List.of(Plain.class));
		assertThat(plain.allows("name")).isTrue();
		assertThat(plain.allows("_adult")).isTrue();
		assertThat(plain.allows("name.x")).isFalse();
		assertThat(plain.allows("name[0]")).isFalse();
		assertThat(plain.allows("name[$ne]")).isFalse();
		assertThat(plain.allows("adult.$gt")).isFalse();
	}

	@Test
	void aFormWithoutDeclarationBindsNoPropertyPath() {
		DeclaredFields undeclared = DeclaredFields.of(List.of(Undeclared.class));
		assertThat(undeclared.allows("anything")).isTrue();
		assertThat(undeclared.allows("anything.at.all")).isFalse();
		assertThat(DeclaredFields.of(List.of()).allows("a[0]")).isFalse();
	}

	@Test
	void theFormsOfOneHandlerDeclareTogether() {
		DeclaredFields both = DeclaredFields.of(List.of(Plain.class, Lines.class));
		assertThat(both.allows("lines[1].numbers")).isTrue();
		assertThat(both.allows("name.x")).isFalse();
	}

	@Test
	void everyIndexOfAPathIsBounded() {
		DeclaredFields grid = DeclaredFields.of(List.of(Grid.class));
		assertThat(grid.allows("grid[0][255]")).isTrue();
		assertThat(grid.allows("grid[255][0]")).isTrue();
		assertThat(grid.allows("grid[256][0]")).isFalse();
		assertThat(grid.allows("grid[0][256]")).isFalse();
		assertThat(grid.allows("grid[0]")).isFalse();
	}

	@Test
	void theIndexStopsWhereSpringStopsGrowingAList() {
		assertThat(DeclaredFields.MAX_INDEX).isEqualTo(255);
	}

}
