package io.leadjourney.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Field;

/**
 * Closes CVE-2026-109432 in Camunda 7.24.0 community edition, which gets no more patches: the engine checks a
 * task query for expressions ({@code enableExpressionsInAdhocQueries: false}) but not the queries in its
 * {@code orQueries}, so any logged-in user could run a JUEL expression, and with it code, through
 * {@code POST /engine-rest/task}. This interceptor refuses a task query from outside the engine, or a filter's
 * extending query, that carries an expression anywhere, with the same 400 Camunda gives for the top-level case.
 * Stored filters (created by admins) keep their expressions such as {@code ${currentUser()}}.
 */
@Component
public class AdhocQueryExpressionGuard extends AbstractProcessEnginePlugin {

    public static final String REFUSAL = "Expressions are forbidden in adhoc queries, also inside orQueries";
    private static final Field EXTENDING_QUERY = extendingQueryField();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.prepend(configuration, new Interceptor(configuration));
    }

    static class Interceptor extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Interceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() == null) {
                if (command instanceof TaskQueryImpl query) {
                    refuseExpressions(query);
                } else if (command instanceof AbstractExecuteFilterCmd filter
                        && ReflectionUtils.getField(EXTENDING_QUERY, filter) instanceof TaskQueryImpl extending) {
                    refuseExpressions(extending);
                }
            }
            return next.execute(command);
        }

        private void refuseExpressions(TaskQueryImpl query) {
            if (configuration.isEnableExpressionsInAdhocQueries()) {
                return;
            }
            if (!query.getExpressions().isEmpty()) {
                throw new BadUserRequestException(REFUSAL);
            }
            for (TaskQueryImpl or : query.getQueries()) {
                if (!or.getExpressions().isEmpty()) {
                    throw new BadUserRequestException(REFUSAL);
                }
            }
        }
    }

    private static Field extendingQueryField() {
        Field field = ReflectionUtils.findField(AbstractExecuteFilterCmd.class, "extendingQuery");
        if (field == null) {
            throw new IllegalStateException("Camunda changed AbstractExecuteFilterCmd: review AdhocQueryExpressionGuard");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }
}
