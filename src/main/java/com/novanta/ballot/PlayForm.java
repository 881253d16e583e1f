package com.novanta.ballot;

import java.util.ArrayList;
import java.util.List;
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
			return this.numbers.stream().filter(java.util.Objects::nonNull).sorted().distinct().toList();
		}

	}

}
