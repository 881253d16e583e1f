package com.novanta.web;

import java.time.Clock;
import java.util.random.RandomGenerator;

import com.novanta.game.QuickPick;
import com.novanta.lottery.Lotteries;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class HomeController {

	static final String HOME_VIEW = "web/home";

	private final RandomGenerator random;

	private final Lotteries lotteries;

	private final Clock clock;

	HomeController(RandomGenerator random, Lotteries lotteries, Clock clock) {
		this.random = random;
		this.lotteries = lotteries;
		this.clock = clock;
	}

	/** The open lotteries to play, and the latest results. */
	@ModelAttribute
	void lotteries(Model model) {
		model.addAttribute("openLotteries", this.lotteries.open());
		model.addAttribute("latestResults", this.lotteries.latestResults(4));
		model.addAttribute("now", this.clock.instant());
	}

	@GetMapping("/")
	String home() {
		return HOME_VIEW;
	}

	/** "Feeling lucky?": six numbers from 1 to 90, as a whole page without JavaScript. */
	@PostMapping("/lucky-numbers")
	String luckyNumbers(Model model) {
		model.addAttribute("luckyNumbers", QuickPick.pick(6, 90, this.random));
		return HOME_VIEW;
	}

	/** The same, as the fragment htmx swaps into the home page. */
	@HxRequest
	@PostMapping("/lucky-numbers")
	String luckyNumbersFragment(Model model) {
		model.addAttribute("luckyNumbers", QuickPick.pick(6, 90, this.random));
		return HOME_VIEW + " :: lucky-numbers";
	}

}
