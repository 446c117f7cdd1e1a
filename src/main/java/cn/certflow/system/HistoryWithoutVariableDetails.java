package cn.certflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * History at level {@code full}, but without the one kind of row nobody reads (issue 22,
 * "a filtering HistoryEventHandler that skips the events nobody reads"): the
 * variable-update details in {@code ACT_HI_DETAIL} — one row for every value every form
 * or listener ever set, 155 of the 1,767 statements of a certification
 * (bench/harness/results.md). Each variable's last value stays in {@code ACT_HI_VARINST}
 * (the accreditation file reads it), every process, activity, task, identity-link,
 * incident, job-log, user-operation and decision history row is written as before
 * (Cockpit's decision history, the accreditation file), and our own records keep what
 * each step decided with who and when ({@code status_change}, the audit, grading and
 * decision tables). Nothing in CertFlow, Cockpit Community Edition or Tasklist reads
 * {@code ACT_HI_DETAIL}.
 * <p>
 * The engine's own handler writes everything else; this plugin only tells it not to write
 * the detail rows, through the documented extension point for history event handlers
 * (Camunda 7 user guide, "History backend").
 * {@code certflow.history.variable-details=true} writes them again.
 * <p>
 * Nor does it write any history of a variable that one of our own records keeps
 * ({@link VariablesKeptInRecords}: the sheet's item scores, recorded with the audit's
 * scoring and removed from the process once recorded).
 */
@Component
@ConditionalOnProperty(name = "certflow.history.variable-details", havingValue = "false", matchIfMissing = true)
class HistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

	private final ObjectProvider<VariablesKeptInRecords> keptInRecords;

	HistoryWithoutVariableDetails(ObjectProvider<VariablesKeptInRecords> keptInRecords) {
		this.keptInRecords = keptInRecords;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new WithoutDetails(() -> this.keptInRecords.orderedStream().toList()));
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	/**
	 * The engine's database handler, minus the detail rows of variable updates and the
	 * variables our records keep.
	 */
	static final class WithoutDetails extends DbHistoryEventHandler {

		private final Supplier<List<VariablesKeptInRecords>> keptInRecords;

		/** Read on the first variable event: the plugin is made before the features. */
		private volatile List<VariablesKeptInRecords> kept;

		WithoutDetails(Supplier<List<VariablesKeptInRecords>> keptInRecords) {
			this.keptInRecords = keptInRecords;
		}

		@Override
		public void handleEvent(HistoryEvent event) {
			if (event instanceof HistoricVariableUpdateEventEntity variable && keptInRecords(variable)) {
				return;
			}
			super.handleEvent(event);
		}

		private boolean keptInRecords(HistoricVariableUpdateEventEntity variable) {
			List<VariablesKeptInRecords> features = this.kept;
			if (features == null) {
				features = this.keptInRecords.get();
				this.kept = features;
			}
			for (VariablesKeptInRecords feature : features) {
				if (feature.keeps(variable.getProcessDefinitionKey(), variable.getVariableName())) {
					return true;
				}
			}
			return false;
		}

		@Override
		protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
			return false;
		}

	}

}
