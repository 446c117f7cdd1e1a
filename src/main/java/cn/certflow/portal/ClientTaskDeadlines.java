package cn.certflow.portal;

import java.util.Date;

import cn.certflow.system.EngineTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the client has for each task the certification body waits for (issue 18): the
 * one place these numbers live. The models read them as {@code ${clientTaskDeadlines…}}
 * for the task's due date and its overdue timer.
 */
@Component("clientTaskDeadlines")
public class ClientTaskDeadlines {

	private final int documentCorrectionDays;

	ClientTaskDeadlines(@Value("${certflow.client-tasks.document-correction-days:30}") int documentCorrectionDays) {
		this.documentCorrectionDays = documentCorrectionDays;
	}

	/** The overdue timer of the document corrections (ISO 8601 duration). */
	public String documentCorrections() {
		return "P" + this.documentCorrectionDays + "D";
	}

	/** The due date of the document corrections task, from now. */
	public Date documentCorrectionsDue() {
		return EngineTime.toDate(EngineTime.now().plusDays(this.documentCorrectionDays));
	}

	public int documentCorrectionDays() {
		return this.documentCorrectionDays;
	}

}
