package cn.certflow.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.management.Metrics;

/**
 * A second CertFlow node for the timer scenario: the same application in a JVM of its own
 * on the same database. Its job executor stays stopped until the harness sends START on
 * stdin; HOLD stops it again; STATS prints its CPU time and job counters since the last
 * START; STOP shuts the node down. Protocol lines on stdout start with {@code @@bench}.
 */
public final class Node {

	private Node() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 2; i < args.length; i++) {
			properties.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
		}
		BenchApplication app = BenchApplication.start(args[0], args[1], properties);
		app.jobExecutor().shutdown();
		say("READY");
		JobCounters since = null;
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			switch (line.trim()) {
				case "START" -> {
					since = JobCounters.of(app);
					app.jobExecutor().start();
					say("STARTED");
				}
				case "HOLD" -> {
					app.jobExecutor().shutdown();
					say("HELD");
				}
				case "STATS" -> {
					JobCounters delta = JobCounters.of(app).minus(since);
					say("STATS " + delta.encode());
				}
				case "STOP" -> {
					app.jobExecutor().shutdown();
					app.close();
					say("STOPPED");
					System.exit(0);
				}
				default -> say("UNKNOWN " + line);
			}
		}
		app.close();
		System.exit(0);
	}

	private static void say(String message) {
		System.out.println("@@bench " + message);
		System.out.flush();
	}

	/** CPU time and job executor counters of one engine (JVM). */
	record JobCounters(long cpuNanos, long optimisticLocking, long acquisitionFailures, long failed, long successful) {

		static JobCounters of(BenchApplication app) {
			var registry = app.configuration().getMetricsRegistry();
			return new JobCounters(Machine.processCpuNanos(), OptimisticLockingLog.count.sum(),
					meter(registry, Metrics.JOB_ACQUIRED_FAILURE), meter(registry, Metrics.JOB_FAILED),
					meter(registry, Metrics.JOB_SUCCESSFUL));
		}

		private static long meter(org.camunda.bpm.engine.impl.metrics.MetricsRegistry registry, String name) {
			var meter = registry.getDbMeterByName(name);
			return (meter != null) ? meter.get() : 0;
		}

		JobCounters minus(JobCounters before) {
			return new JobCounters(this.cpuNanos - before.cpuNanos, this.optimisticLocking - before.optimisticLocking,
					this.acquisitionFailures - before.acquisitionFailures, this.failed - before.failed,
					this.successful - before.successful);
		}

		JobCounters plus(JobCounters other) {
			return new JobCounters(this.cpuNanos + other.cpuNanos, this.optimisticLocking + other.optimisticLocking,
					this.acquisitionFailures + other.acquisitionFailures, this.failed + other.failed,
					this.successful + other.successful);
		}

		String encode() {
			return this.cpuNanos + " " + this.optimisticLocking + " " + this.acquisitionFailures + " " + this.failed
					+ " " + this.successful;
		}

		static JobCounters decode(String text) {
			String[] f = text.trim().split(" ");
			return new JobCounters(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
					Long.parseLong(f[3]), Long.parseLong(f[4]));
		}

	}

}
