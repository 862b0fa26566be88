package io.leadjourney.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History level {@code full}, less one table: a variable's history keeps its last value ({@code act_hi_varinst}),
 * not a row for every time it was set ({@code act_hi_detail}).
 * <p>
 * A journey sets about forty variables on its way to "Accept lead" and every task sets the lead's context again;
 * at level {@code full} each of those writes is a second history row that nobody reads (Cockpit's community
 * edition shows variable instances, not their updates; the lead's own story is in our tables: stages, scores,
 * breaches). Everything else {@code full} writes stays: activities, tasks, identity links, incidents, the job
 * log, the user operation log. The level itself stays {@code full}, as the database records it, so an existing
 * installation starts as before; its earlier detail rows are kept and erased with their lead as always.
 * Measured in {@code IntakeBenchmark} (docs/performance.md).
 */
@Component
public class VariableHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!configuration.getCustomHistoryEventHandlers().isEmpty() || configuration.getHistoryEventHandler() != null) {
            throw new IllegalStateException("VariableHistoryPlugin replaces the engine's history event handler;"
                    + " another handler is configured");
        }
        configuration.setHistoryEventHandler(new LastValueOnly());
    }

    /** The engine's database handler, writing no variable update details. */
    static final class LastValueOnly extends DbHistoryEventHandler {
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
            return false;
        }
    }
}
