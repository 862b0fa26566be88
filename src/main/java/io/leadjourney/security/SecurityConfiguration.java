package io.leadjourney.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.lead.Lead;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;
import java.util.Map;

import static io.leadjourney.security.Groups.authority;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's users; integrations post leads, events and imports, marketing,
 *       managers and admins read them; sales reps also search leads (their own and their bands' unassigned); integrations (the CRM), managers and admins report deal outcomes;
 *       managers and admins manage reps; marketing, managers and admins read the funnel.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own {@link ProcessEngineAuthenticationFilter} (HTTP Basic); the
 *       engine's authorizations then decide.</li>
 *   <li>{@code /camunda/**}: the webapps, with their own login.</li>
 *   <li>{@code /swagger-ui.html}, {@code /v3/api-docs}: any logged-in user (webapp session or HTTP Basic).</li>
 *   <li>{@code /portal/**}: the lead portal's pages, for reps, managers, admins and marketing (webapp session or
 *       HTTP Basic).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Where springdoc serves the OpenAPI description and Swagger UI (springdoc.* in application.yaml). */
    static final String[] API_DOCUMENTATION = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**"};

    private static final String[] WRITERS = {authority(Groups.INTEGRATION), authority(Groups.MARKETING),
            authority(Groups.ADMINS)};
    private static final String[] DEFINITION_OWNERS = {authority(Groups.MARKETING), authority(Groups.MANAGERS),
            authority(Groups.ADMINS)};
    private static final String[] OUTCOME_REPORTERS = {authority(Groups.INTEGRATION), authority(Groups.MANAGERS),
            authority(Groups.ADMINS)};
    private static final String[] ERASERS = {authority(Groups.MARKETING), authority(Groups.ADMINS)};
    private static final String[] FUNNEL_READERS = {authority(Groups.MARKETING), authority(Groups.MANAGERS),
            authority(Groups.ADMINS)};
    private static final String[] REP_ADMINS = {authority(Groups.MANAGERS), authority(Groups.ADMINS)};
    /** Who may search leads; what each finds is {@code GroupAudience}'s. */
    private static final String[] FINDERS = {authority(Groups.INTEGRATION), authority(Groups.MARKETING),
            authority(Groups.MANAGERS), authority(Groups.ADMINS), authority(Groups.SALES_REPS)};
    private static final String[] PORTAL_READERS = {authority(Groups.MARKETING), authority(Groups.MANAGERS),
            authority(Groups.ADMINS), authority(Groups.SALES_REPS)};
    private static final String[] READERS = {authority(Groups.INTEGRATION), authority(Groups.MARKETING),
            authority(Groups.MANAGERS), authority(Groups.ADMINS)};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
                                    ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(new CamundaWebappSessionFilter(false), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/leads", "/api/leads/*/events", "/api/events")
                        .hasAnyAuthority(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/leads/*/outcome").hasAnyAuthority(OUTCOME_REPORTERS)
                        .requestMatchers(HttpMethod.GET, "/api/leads").hasAnyAuthority(FINDERS)
                        .requestMatchers(HttpMethod.GET, "/api/leads/**").hasAnyAuthority(READERS)
                        .requestMatchers(HttpMethod.POST, "/api/imports").hasAnyAuthority(WRITERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/imports/*").hasAnyAuthority(WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/imports/**").hasAnyAuthority(READERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/leads/*").hasAnyAuthority(ERASERS)
                        .requestMatchers("/api/reps", "/api/reps/**").hasAnyAuthority(REP_ADMINS)
                        .requestMatchers(HttpMethod.GET, "/api/funnel").hasAnyAuthority(FUNNEL_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/definition/what-if", "/api/definition/reviews")
                        .hasAnyAuthority(DEFINITION_OWNERS)
                        .requestMatchers(HttpMethod.GET, "/api/definition/reviews/*").hasAnyAuthority(DEFINITION_OWNERS)
                        .anyRequest().denyAll());
        return statelessBasic(http, identity, json, "Use HTTP Basic with a Lead Journey user").build();
    }

    /**
     * HTTP Basic against Camunda's users, no session of its own, no CSRF (every write carries its credentials),
     * and 401/403 answered as problem details.
     */
    private static HttpSecurity statelessBasic(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
                                               ObjectMapper json, String loginHint) throws Exception {
        return http.authenticationProvider(identity)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required", loginHint)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "Forbidden",
                                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    /** Actuator: a bare liveness probe for everyone; metrics and health details for monitoring, managers, admins. */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
                                         ObjectMapper json) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health/liveness").permitAll()
                        .anyRequest().hasAnyAuthority(authority(Groups.MONITORING), authority(Groups.MANAGERS),
                                authority(Groups.ADMINS)));
        return statelessBasic(http, identity, json, "Use HTTP Basic with a monitoring, manager or admin user")
                .build();
    }

    /**
     * The funnel dashboard: managers and admins, logged in to the Camunda webapps (same session) or with HTTP
     * Basic like the API. The page reads {@code /api/funnel}, which accepts the same two logins.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
                                          ObjectMapper json) throws Exception {
        webappSessionOrBasic(http.securityMatcher("/dashboard", "/dashboard/**"), identity, "style-src 'self'", false)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(REP_ADMINS))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "Forbidden",
                                "The dashboard is for managers and admins")));
        return http.build();
    }

    /**
     * The lead portal's pages: reps, managers, admins and marketing, logged in to the Camunda webapps (same session),
     * on the portal's own login page (a browser without either is sent there; marketing has no webapp) or with HTTP
     * Basic; which leads each finds is {@code GroupAudience}'s. The reps page, which writes (absences),
     * is for managers and admins, and every form carries a CSRF token kept in the portal's own session, because the
     * webapps' session cookie alone would otherwise let another site post in the user's name.
     */
    static final String PORTAL_LOGIN = "/portal/login";

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
            throws Exception {
        webappSessionOrBasic(http.securityMatcher("/portal", "/portal/**"), identity, "style-src 'self'", true)
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
                .formLogin(form -> form.loginPage(PORTAL_LOGIN).defaultSuccessUrl("/portal/leads")
                        .failureUrl(PORTAL_LOGIN + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessHandler(loggedOut()))
                .authorizeHttpRequests(requests -> requests
                        // The login page with any query (?logout=1): formLogin's own permit matches the exact URL only.
                        .requestMatchers("/portal/portal.css", PORTAL_LOGIN).permitAll()
                        .requestMatchers("/portal/reps", "/portal/reps/**", "/portal/team").hasAnyAuthority(REP_ADMINS)
                        .requestMatchers("/portal/rejections").hasAnyAuthority(FUNNEL_READERS)
                        .anyRequest().hasAnyAuthority(PORTAL_READERS));
        return http.build();
    }

    /** Back to the login page after logging out, whatever the client accepts (HTTP Basic's default answers 204). */
    private static SimpleUrlLogoutSuccessHandler loggedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(PORTAL_LOGIN + "?logout=1");
        return handler;
    }

    /**
     * The API description and Swagger UI: any user of this application, logged in to the Camunda webapps (same
     * session) or with HTTP Basic. Trying a request out from Swagger UI goes through {@code /api/**} and its rules.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
            throws Exception {
        // Swagger UI sets styles inline.
        webappSessionOrBasic(http.securityMatcher(API_DOCUMENTATION), identity,
                "style-src 'self' 'unsafe-inline'", false)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    /**
     * Pages for people: the Camunda webapps' session ({@link CamundaWebappSessionFilter}) or HTTP Basic, both against
     * Camunda's users. The session reads only, so no CSRF token is needed, unless {@code sessionWrites}: then the
     * chain must turn CSRF protection on (it is off here), whose filter checks each form's token first.
     */
    private static HttpSecurity webappSessionOrBasic(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
                                                     String styleSources, boolean sessionWrites) throws Exception {
        return http.addFilterBefore(new CamundaWebappSessionFilter(sessionWrites), BasicAuthenticationFilter.class)
                .authenticationProvider(identity)
                .httpBasic(basic -> basic.realmName("Lead Journey"))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; " + styleSources + "; script-src 'self';"
                                + " frame-ancestors 'none'")));
    }

    /** The webapps and engine-rest bring their own authentication and CSRF protection. */
    @Bean
    @Order(4)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        // Before the filters that read who is calling (the task input check).
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Lead Journey\"");
        }
        json.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(),
                "title", title, "status", status.value(), "detail", detail));
    }
}
