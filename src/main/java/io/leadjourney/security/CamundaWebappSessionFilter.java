package io.leadjourney.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Whoever is logged in to the Camunda webapps (Cockpit, Tasklist) is logged in to the dashboard and may read
 * the API with the same session: the webapps keep their login in the HTTP session, and this filter takes the
 * user and groups from it. For reading (GET, HEAD) only, unless the chain checks a CSRF token before this filter
 * (the portal's forms): a session alone never changes anything, so a forged cross-site request cannot write through
 * it.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";

    private final boolean csrfChecked;

    /** @param csrfChecked the chain's CSRF filter has checked every writing request's token before this one */
    CamundaWebappSessionFilter(boolean csrfChecked) {
        this.csrfChecked = csrfChecked;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ((csrfChecked || isRead(request)) && SecurityContextHolder.getContext().getAuthentication() == null) {
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            Authentication webapp = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(ENGINE);
            if (webapp instanceof UserAuthentication user && user.getName() != null) {
                List<SimpleGrantedAuthority> authorities = user.getGroupIds() == null ? List.of()
                        : user.getGroupIds().stream().map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
