package com.novanta.account.password;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where password reset requests wait, after the visitor already has the answer. Looking
 * up the address, issuing a token and writing the mail take longer for a registered
 * address than for an unknown one; doing all of it after answering keeps the answer's
 * timing from telling which addresses are registered. Only requests within the rate
 * limits get here ({@link PasswordResets#request} checks them first), so one client
 * cannot fill the queue. One worker and a bounded queue: a flood of requests from many
 * clients drops requests (and says so in the log) instead of piling up without end.
 */
@Component
public class ResetRequestQueue implements DisposableBean {

	public static final int CAPACITY = 1000;

	private static final Logger log = LoggerFactory.getLogger(ResetRequestQueue.class);

	private final Executor executor;

	/**
	 * The queue, or, with {@code lottery.accounts.reset-requests-synchronously} (tests),
	 * the caller's thread, so that the mail is there when the answer is.
	 */
	@Autowired
	public ResetRequestQueue(@Value("${lottery.accounts.reset-requests-synchronously:false}") boolean synchronously) {
		this(synchronously ? Runnable::run : worker());
	}

	public ResetRequestQueue(Executor executor) {
		this.executor = executor;
	}

	/** Hands a request to the worker, or drops it if the queue is full. */
	public void submit(Runnable request) {
		try {
			this.executor.execute(() -> {
				try {
					request.run();
				}
				catch (RuntimeException ex) {
					// nobody waits for an answer any more: only the log can tell
					log.warn("event=reset-request-failed error={}", ex.toString());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.warn("event=reset-request-dropped reason=queue-full capacity={}", CAPACITY);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		if (this.executor instanceof ExecutorService service) {
			service.shutdown();
			service.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	private static ThreadPoolExecutor worker() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(CAPACITY), (runnable) -> {
			Thread thread = new Thread(runnable, "reset-requests");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.AbortPolicy());
	}

}
