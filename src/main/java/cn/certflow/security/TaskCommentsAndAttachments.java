package cn.certflow.security;

import java.io.InputStream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Comments and attachments are written only by those who may work the task (issue 15.4).
 * Camunda 7.24 checks no permission when a comment or attachment is added to a task, nor
 * when an attachment is deleted: its REST API only asks that the caller can see the
 * task's history, so managers (read-only, with READ_HISTORY on every process for Cockpit)
 * and quality managers could write on any task, through {@code /engine-rest} and Tasklist
 * alike. This engine plugin puts a task service in front that first applies the engine's
 * own TASK_WORK check (the assignee, the candidates, whoever holds TASK_WORK/UPDATE on
 * the task or UPDATE_TASK on its process, administrators) — the same check the engine
 * makes to update or delete a comment — and refuses with an AuthorizationException (403).
 * A comment or attachment on a task no longer open is refused to everyone but
 * administrators; one on a process instance needs UPDATE on it. The application's own
 * calls run without a user and are not affected.
 */
@Component
class TaskCommentsAndAttachments extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTaskService(new WorkersOnlyTaskService());
	}

	static class WorkersOnlyTaskService extends TaskServiceImpl {

		@Override
		public Comment createComment(String taskId, String processInstanceId, String message) {
			requireWork(taskId, processInstanceId);
			return super.createComment(taskId, processInstanceId, message);
		}

		@Override
		@SuppressWarnings("deprecation")
		public void addComment(String taskId, String processInstanceId, String message) {
			requireWork(taskId, processInstanceId);
			super.addComment(taskId, processInstanceId, message);
		}

		@Override
		public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
				String attachmentName, String attachmentDescription, InputStream content) {
			requireWork(taskId, processInstanceId);
			return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName,
					attachmentDescription, content);
		}

		@Override
		public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
				String attachmentName, String attachmentDescription, String url) {
			requireWork(taskId, processInstanceId);
			return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName,
					attachmentDescription, url);
		}

		@Override
		public void deleteAttachment(String attachmentId) {
			requireWorkOnAttachment(attachmentId);
			super.deleteAttachment(attachmentId);
		}

		@Override
		public void deleteTaskAttachment(String taskId, String attachmentId) {
			requireWork(taskId, null);
			super.deleteTaskAttachment(taskId, attachmentId);
		}

		@Override
		public void saveAttachment(Attachment attachment) {
			if (attachment != null) {
				requireWorkOnAttachment(attachment.getId());
			}
			super.saveAttachment(attachment);
		}

		private void requireWorkOnAttachment(String attachmentId) {
			this.commandExecutor.execute(context -> {
				AttachmentEntity attachment = (attachmentId != null)
						? context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId) : null;
				if (attachment != null) {
					check(context, attachment.getTaskId(), attachment.getProcessInstanceId());
				}
				return null;
			});
		}

		private void requireWork(String taskId, String processInstanceId) {
			this.commandExecutor.execute(context -> {
				check(context, taskId, processInstanceId);
				return null;
			});
		}

		private static void check(CommandContext context, String taskId, String processInstanceId) {
			if (!checked(context)) {
				return;
			}
			if (taskId != null) {
				TaskEntity task = context.getTaskManager().findTaskById(taskId);
				if (task == null) {
					throw new AuthorizationException(context.getAuthentication().getUserId(), "TASK_WORK", "Task",
							taskId);
				}
				for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
					checker.checkTaskWork(task);
				}
			}
			else if (processInstanceId != null) {
				for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
					checker.checkUpdateProcessInstanceById(processInstanceId);
				}
			}
		}

		/**
		 * Whether the engine checks this caller at all: authorization on, a user, not an
		 * administrator.
		 */
		private static boolean checked(CommandContext context) {
			Authentication user = context.getAuthentication();
			return context.getProcessEngineConfiguration().isAuthorizationEnabled()
					&& context.isAuthorizationCheckEnabled() && user != null && user.getUserId() != null
					&& !context.getAuthorizationManager().isCamundaAdmin(user);
		}

	}

}
