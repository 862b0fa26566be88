package io.leadjourney.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.engine.SystemAuthentication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link TaskInputFilter} and {@link FormVariablesFilter} in front of engine-rest and the webapps' REST API,
 * after their authentication.
 */
@Configuration(proxyBeanMethods = false)
class TaskInputConfiguration {

    @Bean
    FilterRegistrationBean<TaskInputFilter> taskInputFilter(TaskService tasks, TaskForms forms, TaskInputRules rules,
                                                            SystemAuthentication system, ObjectMapper json) {
        FilterRegistrationBean<TaskInputFilter> registration = new FilterRegistrationBean<>(
                new TaskInputFilter(tasks, forms, rules, system, json));
        registration.setName("lead-journey-task-input");
        registration.addUrlPatterns(TaskInputFilter.URL_PATTERNS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormVariablesFilter> formVariablesFilter(TaskService tasks, RuntimeService runtime,
                                                                    LeadFormContext context,
                                                                    SystemAuthentication system, ObjectMapper json) {
        FilterRegistrationBean<FormVariablesFilter> registration = new FilterRegistrationBean<>(
                new FormVariablesFilter(tasks, runtime, context, system, json));
        registration.setName("lead-journey-form-variables");
        registration.addUrlPatterns(FormVariablesFilter.URL_PATTERNS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
