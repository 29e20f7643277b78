package io.settlehub.core.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>API callers present {@code Authorization: Bearer <token>} (no session, no CSRF token needed: a browser never
 *       adds that header by itself); dashboard users log in with a password and then carry a session cookie, and every
 *       state-changing request of theirs needs the CSRF token.</li>
 *   <li>{@code /api/clients/{clientId}/**} is for operators and for that client only; changing an agreement and
 *       recalculating are operators'; the accounting documents and the reference data can be read by clients (their own
 *       documents: checked in the controller); everything else under {@code /api} is operators' only.</li>
 *   <li>Unauthenticated API calls answer 401 JSON, forbidden ones 403 JSON; pages redirect to the login.</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");
    private static final RequestMatcher BEARER = request -> request.getHeader("Authorization") != null;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, Clock clock,
                                            @Value("${hub.security.api-burst:200}") long apiBurst,
                                            @Value("${hub.security.api-per-second:50}") long apiPerSecond,
                                            @Value("${hub.security.logins-per-minute:20}") long loginsPerMinute,
                                            @Value("${hub.security.token-failures-per-minute:20}") long tokenFailuresPerMinute)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> ownClient = (authentication, context) -> {
            var auth = authentication.get();
            boolean allowed = auth != null && auth.isAuthenticated() && !(auth.getPrincipal() instanceof String)
                    && currentOf(auth).mayAccess(context.getVariables().get("clientId"));
            return new AuthorizationDecision(allowed);
        };
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/favicon.ico", "/favicon.svg", "/css/**", "/js/**", "/webjars/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        // the API's description is public; calling the API is not
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/clients/{clientId}").hasRole("OPERATOR")
                        .requestMatchers("/api/clients/{clientId}/recalculate").hasRole("OPERATOR")
                        .requestMatchers("/api/clients/{clientId}", "/api/clients/{clientId}/**").access(ownClient)
                        .requestMatchers("/clients/{clientId}", "/clients/{clientId}/**").access(ownClient)
                        .requestMatchers("/operator", "/operator/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/accounting/documents", "/api/accounting/documents/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/reference/**").authenticated()
                        .requestMatchers("/api/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, new RateLimiter(tokenFailuresPerMinute, tokenFailuresPerMinute, clock)),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LimitsFilter(new RateLimiter(apiBurst, Math.multiplyExact(apiPerSecond, 60), clock),
                        new RateLimiter(loginsPerMinute, loginsPerMinute, clock)), UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) -> JsonErrors.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "authentication required: Authorization: Bearer <token>"), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> JsonErrors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden: " + e.getMessage()), API)
                        // pages get the styled error page (with one handler only, Spring Security would use it for all)
                        .defaultAccessDeniedHandlerFor(new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                                request -> true));
        return http.build();
    }

    private static HubPrincipal currentOf(org.springframework.security.core.Authentication auth) {
        Object principal = auth.getPrincipal();
        return principal instanceof HubPrincipal hub ? hub : ((UserLogins.HubUser) principal).principal();
    }
}
