package cn.certflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The harness's handle on a {@link Node} JVM: starts it, talks to it over stdin/stdout,
 * logs the rest to a file.
 */
final class SecondNode implements AutoCloseable {

	private final Process process;

	private final PrintWriter commands;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	private SecondNode(Process process, Path log) throws IOException {
		this.process = process;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)); logWriter) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (line.startsWith("@@bench ")) {
						this.replies.add(line.substring("@@bench ".length()));
					}
					else {
						logWriter.write(line);
						logWriter.write('\n');
						logWriter.flush();
					}
				}
			}
			catch (IOException ex) {
				// the node ended
			}
		}, "second-node-output");
		reader.setDaemon(true);
		reader.start();
	}

	static SecondNode start(ScratchDatabase db, Map<String, String> properties, Path log) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("-Dfile.encoding=UTF-8");
		command.add("-Duser.timezone=" + System.getProperty("user.timezone"));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Node.class.getName());
		command.add(db.url());
		command.add(db.user());
		properties.forEach((key, value) -> command.add(key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		SecondNode node = new SecondNode(process, log);
		node.expect("READY", 300);
		return node;
	}

	void startJobExecutor() {
		this.commands.println("START");
	}

	void awaitStarted() throws Exception {
		expect("STARTED", 60);
	}

	void holdJobExecutor() throws Exception {
		this.commands.println("HOLD");
		expect("HELD", 120);
	}

	Node.JobCounters stats() throws Exception {
		this.commands.println("STATS");
		return Node.JobCounters.decode(expect("STATS", 60).substring("STATS".length()));
	}

	private String expect(String what, int seconds) throws Exception {
		String reply = this.replies.poll(seconds, TimeUnit.SECONDS);
		if (reply == null || !reply.startsWith(what)) {
			throw new IllegalStateException("second node: expected " + what + ", got " + reply
					+ (this.process.isAlive() ? "" : " (exited " + this.process.exitValue() + ")"));
		}
		return reply;
	}

	@Override
	public void close() throws Exception {
		if (this.process.isAlive()) {
			this.commands.println("STOP");
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
	}

}
