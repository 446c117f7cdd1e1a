package cn.certflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.document.Documents;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The client's to-do list in the portal (issue 18 point 3): {@code /portal/tasks} lists
 * what the certification body waits for, with due dates (overdue in red);
 * {@code /portal/tasks/{id}} shows one (the nonconformities to answer with corrective
 * actions and evidence, or the document findings to answer with corrected documents and a
 * note) and takes the answer. Another client's task, or one that does not exist, is 404;
 * a refused answer is 400 with every field named, and nothing changes.
 */
@Controller
class PortalTasks {

	private final ClientTasks tasks;

	PortalTasks(ClientTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/portal/tasks")
	String list(HttpServletRequest request, Model model) {
		model.addAttribute("tasks", this.tasks.open(PortalAccess.account(request)));
		model.addAttribute("done", request.getParameter("done") != null);
		return "portal/tasks";
	}

	@GetMapping("/portal/tasks/{id}")
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(id, request, response, model, List.of(), Map.of());
	}

	@PostMapping("/portal/tasks/{id}")
	String submit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		ClientAccount client = PortalAccess.account(request);
		ClientTasks.ClientTask task;
		try {
			task = this.tasks.task(client, id);
		}
		catch (NotFoundException ex) {
			return missing(ex, response, model);
		}
		if (task.documentCorrections()) {
			return submitCorrections(id, client, request, response, model);
		}
		List<String> actions = new ArrayList<>();
		Map<Integer, List<MultipartFile>> evidence = new HashMap<>();
		for (int i = 0; request.getParameter("correctiveActions[" + i + "]") != null
				|| hasFiles(request, "evidence[" + i + "]"); i++) {
			actions.add(request.getParameter("correctiveActions[" + i + "]"));
			if (request instanceof MultipartHttpServletRequest multipart) {
				evidence.put(i, multipart.getFiles("evidence[" + i + "]"));
			}
		}
		try {
			this.tasks.submitCorrectiveActions(client, id, actions, evidence);
			return "redirect:/portal/tasks?done";
		}
		catch (NotFoundException ex) {
			return missing(ex, response, model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> entered = new HashMap<>();
			for (int i = 0; i < actions.size(); i++) {
				entered.put("correctiveActions[" + i + "]", actions.get(i));
			}
			return page(id, request, response, model,
					ex.problems().stream().map((p) -> p.field() + "：" + p.message()).toList(), entered);
		}
	}

	/** Corrected documents: {@code files[i]} of type {@code types[i]} and the note. */
	private String submitCorrections(String id, ClientAccount client, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String note = request.getParameter("correctionsNote");
		List<Documents.Upload> uploads = new ArrayList<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (int i = 0; multipart.getFile("files[" + i + "]") != null
					|| request.getParameter("types[" + i + "]") != null; i++) {
				MultipartFile file = multipart.getFile("files[" + i + "]");
				if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
					continue;
				}
				try {
					uploads.add(new Documents.Upload(request.getParameter("types[" + i + "]"),
							file.getOriginalFilename(), file.getContentType(), file.getBytes()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		try {
			this.tasks.submitDocumentCorrections(client, id, note, uploads);
			return "redirect:/portal/tasks?done";
		}
		catch (NotFoundException ex) {
			return missing(ex, response, model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(id, request, response, model,
					ex.problems().stream().map((p) -> p.field() + "：" + p.message()).toList(),
					Map.of("correctionsNote", (note != null) ? note : ""));
		}
	}

	private String page(String id, HttpServletRequest request, HttpServletResponse response, Model model,
			List<String> errors, Map<String, String> entered) {
		try {
			ClientTasks.ClientTask task = this.tasks.task(PortalAccess.account(request), id);
			model.addAttribute("task", task);
			model.addAttribute("nonconformities", task.correctiveActions() ? this.tasks.toAnswer(task) : List.of());
			model.addAttribute("corrections", task.documentCorrections() ? this.tasks.corrections(task) : null);
			model.addAttribute("errors", errors);
			model.addAttribute("entered", entered);
			return "portal/task";
		}
		catch (NotFoundException ex) {
			return missing(ex, response, model);
		}
	}

	private static boolean hasFiles(HttpServletRequest request, String name) {
		return request instanceof MultipartHttpServletRequest multipart && !multipart.getFiles(name).isEmpty();
	}

	private static String missing(NotFoundException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("title", "未找到");
		model.addAttribute("message", ex.getMessage());
		return "portal/message";
	}

}
