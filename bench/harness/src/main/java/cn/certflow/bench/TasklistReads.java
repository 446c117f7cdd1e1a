package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Tasklist's read path (issue 22: "the queries a form load and a task list issue; the
 * filters' count queries"): what opening Tasklist and opening a task cost the
 * application, asked over HTTP exactly as Tasklist 7.24 asks, with its session and CSRF
 * token. The requests are the ones Tasklist made in the e2e run (Tomcat's access log of
 * {@code src/test/e2e/initial-certification.mjs}, 2026-12-06): after the login, the
 * engine list, the authenticated user, the user's profile, the filters (count and list,
 * {@code itemCount=false}: Tasklist 7.24 counts no filter but the one it shows) and the
 * first page of the first filter as HAL (which embeds each task's assignee, process
 * definition and candidate groups, and carries that filter's count); opening a task: the
 * task (HAL), its form reference, the deployed Camunda Form and the form's variables.
 * Each sequence and each request is measured alone ({@link StepCosts}: statements and
 * their PostgreSQL execution time, PostgreSQL CPU, wall time), one at a time, after
 * {@code applications} applications wait for the reviewer's application review.
 */
final class TasklistReads {

	static final String API = "/camunda/api/engine/engine/default";

	static final String OPEN_TASKLIST = "open Tasklist (after login)";

	static final String OPEN_TASK = "open a task";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String HAL = "application/hal+json, application/json; q=0.5";

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	TasklistReads(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/**
	 * Applications submitted with their documents, waiting for the application review.
	 */
	static List<String> openReviews(BenchApplication app, int applications) {
		CertificationDriver driver = app.bean(CertificationDriver.class);
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < applications; i++) {
			String number = driver.submit(CertificationDriver.request("PCEC", 3, 80));
			driver.uploadMandatoryDocuments(number);
			numbers.add(number);
		}
		return numbers;
	}

	/** Logs in to Tasklist as {@code user} (demo password), as its login form does. */
	void login(String user) {
		send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET(), 200);
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(user, StandardCharsets.UTF_8);
		send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf())
			.POST(HttpRequest.BodyPublishers.ofString(form)), 200);
	}

	/** Measures one named piece of work ({@link StepCosts#measure}, or nothing). */
	interface Measure {

		Measure NONE = (what, work) -> work.run();

		void measure(String what, Runnable work);

	}

	/**
	 * Opening Tasklist: all its requests measured together by {@code perSequence}, each
	 * alone by {@code perRequest}; returns the first filter's first page.
	 */
	JsonNode openTasklist(String user, Measure perSequence, Measure perRequest) {
		JsonNode[] page = new JsonNode[1];
		perSequence.measure(OPEN_TASKLIST, () -> {
			perRequest.measure("GET /engine", () -> get("/camunda/api/engine/engine/", false));
			perRequest.measure("GET /admin/auth/user/default",
					() -> get("/camunda/api/admin/auth/user/default", false));
			perRequest.measure("GET user/{id}/profile", () -> get(API + "/user/" + user + "/profile", false));
			perRequest.measure("GET filter/count (itemCount=false)",
					() -> get(API + "/filter/count?itemCount=false&resourceType=Task", false));
			JsonNode[] filters = new JsonNode[1];
			perRequest
				.measure("GET filter (list, itemCount=false)",
						() -> filters[0] = get(
								API + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task",
								false));
			String first = firstFilter(filters[0]);
			perRequest.measure("POST filter/{id}/list, first page of 15 (HAL)", () -> page[0] = post(
					API + "/filter/" + first + "/list?firstResult=0&maxResults=15",
					"{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,"
							+ "\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
							+ "\"active\":true}"));
		});
		return page[0];
	}

	/** Opening a task: the task, its form, the deployed form and the form's variables. */
	void openTask(String taskId, Measure perSequence, Measure perRequest) {
		perSequence.measure(OPEN_TASK, () -> {
			perRequest.measure("GET task/{id} (HAL)", () -> get(API + "/task/" + taskId, true));
			perRequest.measure("GET task/{id}/form", () -> get(API + "/task/" + taskId + "/form", false));
			perRequest.measure("GET task/{id}/deployed-form",
					() -> get(API + "/task/" + taskId + "/deployed-form?noCache=" + System.nanoTime(), false));
			perRequest.measure("GET task/{id}/form-variables",
					() -> get(API + "/task/" + taskId + "/form-variables?deserializeValues=false", false));
		});
	}

	/** The filter Tasklist shows first: the lowest priority. */
	private static String firstFilter(JsonNode filters) {
		List<JsonNode> all = new ArrayList<>();
		filters.forEach(all::add);
		return all.stream()
			.min(Comparator.comparingInt((JsonNode fl) -> fl.path("properties").path("priority").asInt(0)))
			.orElseThrow(() -> new IllegalStateException("no task filter"))
			.get("id")
			.asText();
	}

	private JsonNode get(String path, boolean hal) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		request.header("Accept", hal ? HAL : "application/json, text/plain, */*");
		return json(send(request, 200));
	}

	private JsonNode post(String path, String body) {
		return json(send(HttpRequest.newBuilder(uri(path))
			.header("Accept", HAL)
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf())
			.POST(HttpRequest.BodyPublishers.ofString(body)), 200));
	}

	/**
	 * The CSRF token as Tasklist reads it: the webapps' XSRF-TOKEN cookie (a new one
	 * after the login's new session).
	 */
	private String xsrf() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("Tasklist set no XSRF-TOKEN cookie"));
	}

	private String send(HttpRequest.Builder request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != expected) {
				throw new IllegalStateException(response.request().method() + " " + response.uri() + ": "
						+ response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String body) {
		try {
			return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
		}
		catch (IOException ex) {
			return JSON.nullNode(); // the deployed form is JSON too; nothing else is read
		}
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	/**
	 * Runs the scenario: {@code applications} reviews open, the reviewer logged in, then
	 * {@code rounds} times Tasklist opened and one of the reviewer's tasks opened.
	 */
	static Result run(BenchApplication app, ScratchDatabase db, PostgresCpu postgres, int applications, int rounds)
			throws java.sql.SQLException {
		openReviews(app, applications);
		TaskService tasks = app.bean(TaskService.class);
		List<Task> open = tasks.createTaskQuery()
			.taskDefinitionKey(InitialCertification.Elements.REVIEW_APPLICATION)
			.active()
			.list();
		if (open.size() < applications) {
			throw new IllegalStateException("expected " + applications + " application reviews, found " + open.size());
		}
		TasklistReads tasklist = new TasklistReads(app.port());
		tasklist.login("reviewer");
		int listed = 0;
		long count = 0;
		try (StepCosts perSequence = new StepCosts(db, postgres); StepCosts perRequest = new StepCosts(db, postgres)) {
			for (int i = 0; i < 10; i++) { // warm-up
				tasklist.openTasklist("reviewer", Measure.NONE, Measure.NONE);
				tasklist.openTask(open.get(i % open.size()).getId(), Measure.NONE, Measure.NONE);
			}
			// the sequences and their requests in separate rounds: a request's own
			// measurement stays out of its sequence's
			for (int i = 0; i < rounds; i++) {
				JsonNode page = tasklist.openTasklist("reviewer", perSequence::measure, Measure.NONE);
				listed = page.path("_embedded").path("task").size();
				count = page.path("count").asLong();
				tasklist.openTask(open.get(i % open.size()).getId(), perSequence::measure, Measure.NONE);
				tasklist.openTasklist("reviewer", Measure.NONE, perRequest::measure);
				tasklist.openTask(open.get(i % open.size()).getId(), Measure.NONE, perRequest::measure);
			}
			return new Result(perSequence.kinds(), perRequest.kinds(), listed, count);
		}
	}

	/**
	 * The figures: per sequence and per request; the first filter's page as listed (tasks
	 * on it, its count).
	 */
	record Result(List<StepCosts.Kind> sequences, List<StepCosts.Kind> requests, int listed, long count) {

		String table() {
			StringBuilder md = new StringBuilder(f(
					"Tasklist's read path as the reviewer (the first filter listed %d tasks of %d; one request at a"
							+ " time; statements and wall time median, PostgreSQL CPU mean)%n%n",
					this.listed, this.count));
			md.append("| what | n | statements | PostgreSQL execution ms | PostgreSQL CPU ms | wall ms |\n");
			md.append("|---|---:|---:|---:|---:|---:|\n");
			Map<String, StepCosts.Kind> rows = new LinkedHashMap<>();
			this.sequences.forEach((k) -> rows.put("**" + k.step() + "**", k));
			this.requests.forEach((k) -> rows.put(k.step(), k));
			rows.forEach((name, k) -> md.append(f("| %s | %d | %.0f | %.2f | %.1f | %.1f |%n", name, k.count(),
					k.statements(), k.execMillis(), k.databaseCpuMillis(), k.wallMillis())));
			return md.toString();
		}

	}

}
