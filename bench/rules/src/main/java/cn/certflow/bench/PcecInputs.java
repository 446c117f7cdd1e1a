package cn.certflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade-pcec inputs every grading benchmark cycles through (same as bench/feel):
 * scores 65.0, 72.5, 85.1, 93.2, 97.0 x special deductions 0..5, with the stars expected
 * by R-GRD-PCEC-3 written independently of the table.
 */
final class PcecInputs {

	static final String DECISION_KEY = "grade-pcec";
	static final String RESOURCE = "rules/grade-pcec.dmn";

	final List<Map<String, Object>> variables = new ArrayList<>();

	final int[] expectedStars;

	private int index;

	PcecInputs() {
		double[] scores = { 65.0, 72.5, 85.1, 93.2, 97.0 };
		List<Integer> expected = new ArrayList<>();
		for (int d = 0; d <= 5; d++) {
			for (double score : scores) {
				variables.add(vars(score, d));
				expected.add(expectedStars(score, d));
			}
		}
		expectedStars = expected.stream().mapToInt(Integer::intValue).toArray();
	}

	Map<String, Object> next() {
		Map<String, Object> v = variables.get(index);
		index = (index + 1) % variables.size();
		return v;
	}

	static Map<String, Object> vars(double score, int specialDeductions) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("score", score);
		v.put("specialDeductions", specialDeductions);
		return v;
	}

	/** R-GRD-PCEC-3. */
	static int expectedStars(double score, int deductions) {
		if (deductions >= 5)
			return 0;
		if (score >= 95)
			return 5;
		if (score >= 90)
			return 4;
		if (score >= 80)
			return 3;
		if (score >= 70)
			return 2;
		return 0;
	}

	/**
	 * Checks every input plus fixed anchors, so a broken table cannot slip through a
	 * broken expectation.
	 */
	void check(java.util.function.ToIntFunction<Map<String, Object>> stars) {
		for (int i = 0; i < variables.size(); i++) {
			check("grade-pcec " + variables.get(i), stars.applyAsInt(variables.get(i)), expectedStars[i]);
		}
		check("grade-pcec 97/0", stars.applyAsInt(vars(97.0, 0)), 5);
		check("grade-pcec 93.2/0", stars.applyAsInt(vars(93.2, 0)), 4);
		check("grade-pcec 65/0", stars.applyAsInt(vars(65.0, 0)), 0);
		check("grade-pcec 97/5", stars.applyAsInt(vars(97.0, 5)), 0);
	}

	static int stars(Object entry, Map<String, Object> vars) {
		if (!(entry instanceof Number)) {
			throw new IllegalStateException("grade-pcec returned stars=" + entry + " for " + vars);
		}
		return ((Number) entry).intValue();
	}

	private static void check(String what, int actual, int expected) {
		if (actual != expected) {
			throw new IllegalStateException(what + ": stars " + actual + ", expected " + expected);
		}
	}

	/**
	 * The feel-engine on the classpath; the root pom pins 1.19.5
	 * (camunda/feel-scala#814).
	 */
	static String feelVersion() throws Exception {
		java.util.Enumeration<java.net.URL> urls = PcecInputs.class.getClassLoader()
			.getResources("META-INF/maven/org.camunda.feel/feel-engine/pom.properties");
		List<String> versions = new ArrayList<>();
		while (urls.hasMoreElements()) {
			java.util.Properties p = new java.util.Properties();
			try (java.io.InputStream in = urls.nextElement().openStream()) {
				p.load(in);
			}
			versions.add(p.getProperty("version"));
		}
		if (!versions.equals(List.of("1.19.5"))) {
			throw new IllegalStateException("expected feel-engine 1.19.5 on the classpath, found " + versions);
		}
		return versions.get(0);
	}

}
