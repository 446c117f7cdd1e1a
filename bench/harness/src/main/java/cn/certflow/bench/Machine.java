package cn.certflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

	private Machine() {
	}

	static String describe(String label) {
		return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), load average " + loadAverage()
				+ " at the end, Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
				+ ")" + (label.isBlank() ? "" : "; " + label) + ".";
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/** CPU time of this JVM in nanoseconds. */
	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
