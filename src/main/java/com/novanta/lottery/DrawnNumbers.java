package com.novanta.lottery;

import java.time.LocalDate;
import java.util.List;

/**
 * The winning numbers of one drawn lottery, for statistics.
 *
 * @param lotteryId the lottery
 * @param drawDate its draw date
 * @param numbers its winning numbers, ascending
 */
public record DrawnNumbers(String lotteryId, LocalDate drawDate, List<Integer> numbers) {

}
