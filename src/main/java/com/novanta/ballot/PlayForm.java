package com.novanta.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.novanta.config.FormFields;

/**
 * The ballot form: its idempotency key and its lines. A mutable bean, because Spring
 * binds {@code lines[2].numbers} into it. The page marks each line's checkboxes with
 * {@code _lines[i].numbers}, so that a line with none ticked is bound empty.
 */
@FormFields({ "key", "lines[i].numbers", "_lines[i].numbers", "lines[i].quickPickNumbers" })
public class PlayForm {

	private String key;

	private List<LineForm> lines = new ArrayList<>();

	static PlayForm fresh() {
		PlayForm form = new PlayForm();
		form.key = UUID.randomUUID().toString();
		form.lines.add(new LineForm());
		return form;
	}

	/**
	 * A line written as "3,17,25,44,61,88"; empty when it is not a list of (at most 20)
	 * whole numbers, so a mangled link never fails.
	 */
	static Optional<List<Integer>> parseLine(String text) {
		if (text == null || text.isBlank() || text.length() > 80) {
			return Optional.empty();
		}
		List<Integer> numbers = new ArrayList<>();
		for (String part : text.split(",", 21)) {
			try {
				numbers.add(Integer.parseInt(part.strip()));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		return (numbers.size() <= 20) ? Optional.of(numbers) : Optional.empty();
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public List<LineForm> getLines() {
		return this.lines;
	}

	public void setLines(List<LineForm> lines) {
		this.lines = lines;
	}

	/**
	 * What the form would play as it stands: how many lines are complete, which are empty
	 * (left out when it is sent) and which are begun but not complete (the form is
	 * refused with them).
	 * @param picks how many numbers a complete line has
	 */
	public Summary summary(int picks) {
		int complete = 0;
		List<Integer> empty = new ArrayList<>();
		List<Integer> incomplete = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			int chosen = this.lines.get(i).sorted().size();
			if (chosen == 0) {
				empty.add(i + 1);
			}
			else if (chosen == picks) {
				complete++;
			}
			else {
				incomplete.add(i + 1);
			}
		}
		return new Summary(complete, empty, incomplete);
	}

	/**
	 * The form at a glance.
	 *
	 * @param complete how many lines hold all their numbers: what is played and paid
	 * @param empty the numbers (from 1) of the lines with no number
	 * @param incomplete the numbers (from 1) of the lines with some numbers but not all,
	 * or too many
	 */
	public record Summary(int complete, List<Integer> empty, List<Integer> incomplete) {

	}

	List<List<Integer>> numbers() {
		return this.lines.stream().map((line) -> line.getNumbers()).toList();
	}

	List<Boolean> quickPicks() {
		return this.lines.stream().map(LineForm::isQuickPick).toList();
	}

	/** One line of the form. */
	public static class LineForm {

		private List<Integer> numbers = new ArrayList<>();

		private String quickPickNumbers = "";

		public List<Integer> getNumbers() {
			return this.numbers;
		}

		public void setNumbers(List<Integer> numbers) {
			this.numbers = (numbers != null) ? new ArrayList<>(numbers) : new ArrayList<>();
		}

		/**
		 * The numbers the system picked for this line, as "3,14,27": kept while
		 * unchanged.
		 */
		public String getQuickPickNumbers() {
			return this.quickPickNumbers;
		}

		public void setQuickPickNumbers(String quickPickNumbers) {
			this.quickPickNumbers = (quickPickNumbers != null) ? quickPickNumbers : "";
		}

		/** Whether the line still holds exactly the numbers the system picked. */
		public boolean isQuickPick() {
			return !this.quickPickNumbers.isEmpty() && this.quickPickNumbers.equals(joined(sorted()));
		}

		void pickedBySystem(List<Integer> numbers) {
			setNumbers(numbers);
			this.quickPickNumbers = joined(sorted());
		}

		private static String joined(List<Integer> numbers) {
			return String.join(",", numbers.stream().map(String::valueOf).toList());
		}

		public boolean has(int number) {
			return this.numbers.contains(number);
		}

		public List<Integer> sorted() {
			return this.numbers.stream().filter(Objects::nonNull).sorted().distinct().toList();
		}

	}

}
