package io.leadjourney.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import java.util.ArrayList;
import java.util.List;

/** Places our own interceptors in the engine's command chain, ahead of its transaction interceptor. */
public final class CommandInterceptors {

    private CommandInterceptors() {
    }

    /** Puts {@code interceptor} first among the custom ones that run before the transaction starts. */
    public static void prepend(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(interceptor);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
