package nrw.komman.web.platform.security;

import nrw.komman.web.account.AccountUserDetailsService;
import nrw.komman.web.account.CachingAuthenticationProvider;
import nrw.komman.web.account.CredentialCache;
import nrw.komman.web.account.SignInThrottle;
import nrw.komman.web.account.SignInThrottledException;
import nrw.komman.web.account.ThrottlingAuthenticationProvider;
import nrw.komman.web.platform.WebProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.util.Map;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Two filter chains.
 *
 * <ol>
 *   <li>{@code /api/**}: stateless HTTP Basic (no session, no cookies, hence no CSRF), role rules per
 *   address ({@link #apiRules}), 401/403 as problem JSON. Passwords are checked through the
 *   {@link CredentialCache}, so a program that authenticates on every request pays one hash per few
 *   minutes, not one per request.</li>
 *   <li>everything else: the browser UI ({@code nrw.komman.web.ui}) with form login at {@code /login},
 *   a session, CSRF protection on every form, sign-out by POST to {@code /logout}. Open:
 *   {@code /}, {@code /login}, {@code /error}, the accessibility statement {@code /barrierefreiheit}, static resources, the OpenAPI description and Swagger
 *   UI (they describe the API, they open no data: every call from Swagger UI still needs Basic
 *   sign-in through its "Authorize" button), and the actuator's health. Other actuator endpoints are
 *   for administrators (HTTP Basic works here too, for scrapers). The pages by role: coordinators
 *   {@code /zentrum/**}, {@code /ehrenamtliche/**} and the withdrawal of their applications; the grant
 *   authority its inbox {@code /pruefung} and the review forms; the ministry {@code /entscheidungen}
 *   and the decision forms; the grants register {@code /zuwendungen} for grant authority, ministry and
 *   auditors (read only), one grant's page with its history for those and the coordinators (their own
 *   centre's, checked by the handlers); the state-wide figures {@code /landesweit/**} as the API's
 *   {@code /api/ministry/**}; administrators {@code /verwaltung/**} (accounts, read models, retention rules).</li>
 * </ol>
 *
 * Both chains send the security headers ({@link #headers}): a Content-Security-Policy (the UI's allows nothing
 * from elsewhere and no inline script or style; Swagger UI's also inline styles), no framing, nosniff, a
 * same-origin referrer, no device features, HSTS on HTTPS. Sign-ins are throttled ({@link SignInThrottle},
 * ADR 13) and logged ({@link SignInLog}); the session id changes on sign-in.
 *
 * <p>The domain handlers check more than the role: a coordinator acts only on their own centre (403
 * from the handler otherwise), the four-eyes rule for approvals, and so on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    public static final String COORDINATOR = "COORDINATOR";
    public static final String GRANT_OFFICER = "GRANT_OFFICER";
    public static final String MINISTRY = "MINISTRY";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // {bcrypt} for new hashes
    }

    @Bean
    public CredentialCache credentialCache(WebProperties properties) {
        WebProperties.CredentialCacheSettings settings = properties.security().credentialCache();
        return new CredentialCache(settings.ttl(), settings.maxEntries());
    }

    /**
     * The events of every sign-in and failure ({@link SignInLog} listens). Ours rather than Spring Boot's, so that
     * a throttled sign-in and any failure without a mapping of their own are published too.
     */
    @Bean
    public DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    /**
     * Throttling (ADR 13) around the credential cache around the password hash: a blocked client address costs no
     * hash, a locked account is refused even when the cache knows its password.
     */
    @Bean
    public AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder,
                                                       CredentialCache credentialCache, SignInThrottle throttle,
                                                       AuthenticationEventPublisher events, ObjectProvider<Clock> clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(
                new CachingAuthenticationProvider(passwords, accounts, credentialCache, clock.getIfUnique(Clock::systemUTC)), throttle,
                credentialCache));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** The UI's policy: nothing from elsewhere, no inline script or style, no frames, no plugins. */
    public static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";
    /**
     * Swagger UI's (springdoc's bundle): its own scripts only, but it sets inline styles and shows data: images.
     * It opens no data of its own; every call it makes still needs sign-in.
     */
    public static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";
    /** The API answers JSON and files: nothing in them may load or run anything. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Features no page of the platform uses. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    /**
     * The security headers of both chains. Spring's defaults stay (no caching of signed-in pages,
     * Strict-Transport-Security on HTTPS requests), made explicit where they matter.
     */
    static void headers(HeadersConfigurer<HttpSecurity> headers, HeaderWriter contentSecurityPolicy) {
        headers.contentTypeOptions(Customizer.withDefaults()) // X-Content-Type-Options: nosniff
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(Customizer.withDefaults()) // only on HTTPS requests: one year, subdomains
                .addHeaderWriter(contentSecurityPolicy);
    }

    static HeaderWriter uiContentSecurityPolicy() {
        RequestMatcher swaggerUi = new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**"));
        HeaderWriter swagger = new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY));
        HeaderWriter pages = new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                new ContentSecurityPolicyHeaderWriter(UI_CONTENT_SECURITY_POLICY));
        return (request, response) -> {
            swagger.writeHeaders(request, response);
            pages.writeHeaders(request, response);
        };
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        http.securityMatcher(path("/api/**"))
                .authenticationManager(authenticationManager)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .headers(h -> headers(h, new ContentSecurityPolicyHeaderWriter(API_CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(SecurityConfiguration::apiRules);
        return http.build();
    }

    /**
     * Who may use which address of the API. Ministry, auditors and the grant authority never reach volunteer data;
     * administrators reach a volunteer only to erase them or to hand out the information (Art. 15, 17 DSGVO).
     */
    static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api
                .requestMatchers(path("/api/admin/**")).hasRole(ADMINISTRATOR)
                .requestMatchers(path(GET, "/api/ministry/**")).hasAnyRole(MINISTRY, AUDITOR, GRANT_OFFICER)
                .requestMatchers(path(POST, "/api/centres"), path(POST, "/api/centres/*/closure")).hasRole(MINISTRY)
                // the volunteer's rights (DSGVO): erasure and the information also for administrators; the
                // withdrawal of consent, like everything else about a volunteer, for coordinators only (below)
                .requestMatchers(path(POST, "/api/volunteers/*/erasure"), path(GET, "/api/volunteers/*/data-export"),
                        path(GET, "/api/volunteers/*/data-export.pdf")).hasAnyRole(COORDINATOR, ADMINISTRATOR)
                .requestMatchers(path("/api/centres/*/volunteers/**"), path("/api/centres/*/activities/**"),
                        path("/api/centres/*/dashboard"), path("/api/volunteers/**")).hasRole(COORDINATOR)
                .requestMatchers(path(GET, "/api/centres"), path(GET, "/api/centres/*")).authenticated()
                .requestMatchers(path(POST, "/api/grants"), path(POST, "/api/grants/*/withdrawal"),
                        path(POST, "/api/grants/*/fund-requests"), path(POST, "/api/grants/*/usage-report")).hasRole(COORDINATOR)
                .requestMatchers(path(POST, "/api/grants/*/review"), path(POST, "/api/grants/*/disbursements"),
                        path(POST, "/api/grants/*/closure"), path(POST, "/api/grants/*/repayments")).hasRole(GRANT_OFFICER)
                .requestMatchers(path(POST, "/api/grants/*/approval"), path(POST, "/api/grants/*/rejection"),
                        path(POST, "/api/grants/*/amendments"), path(PUT, "/api/budgets/**")).hasRole(MINISTRY)
                .requestMatchers(path(GET, "/api/budgets")).hasAnyRole(MINISTRY, GRANT_OFFICER, AUDITOR)
                .requestMatchers(path(GET, "/api/grants/**")).hasAnyRole(COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR)
                // annual reports: every role; a coordinator gets their own centre's only (query side)
                .requestMatchers(path(GET, "/api/reports/**"), path(POST, "/api/reports/annual/jobs")).authenticated()
                .requestMatchers(path("/api/me")).authenticated()
                // anything else: signed in; unknown addresses then answer 404, wrong methods 405
                .anyRequest().authenticated();
    }

    /**
     * Path patterns, independent of Spring MVC's servlet mapping (so an additional servlet such as the
     * H2 console does not make the patterns ambiguous). {@code /x/**} also matches {@code /x}.
     */
    static RequestMatcher path(String pattern) {
        return PATHS.matcher(pattern);
    }

    static RequestMatcher path(HttpMethod method, String pattern) {
        return PATHS.matcher(method, pattern);
    }

    @Bean
    @Order(2)
    public SecurityFilterChain uiSecurityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(ui -> ui
                        .requestMatchers(path("/"), path("/login"), path("/error"), path("/favicon.ico"), path("/webjars/**"),
                                path("/barrierefreiheit"))
                        .permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers(path("/swagger-ui.html"), path("/swagger-ui/**"), path("/v3/api-docs/**")).permitAll()
                        .requestMatchers(path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasRole(ADMINISTRATOR)
                        // the coordinator's pages (the handlers check the centre again)
                        .requestMatchers(path("/zentrum/**"), path("/ehrenamtliche/**"), path("/zuwendungen/*/ruecknahme"))
                        .hasRole(COORDINATOR)
                        // grants: the grant authority reviews, the ministry decides, auditors read histories only
                        .requestMatchers(path("/pruefung"), path("/zuwendungen/*/pruefung"), path("/bewirtschaftung"),
                                path("/zuwendungen/*/auszahlung"), path("/zuwendungen/*/abschluss"),
                                path("/zuwendungen/*/rueckzahlung")).hasRole(GRANT_OFFICER)
                        .requestMatchers(path("/entscheidungen"), path("/zuwendungen/*/entscheidung"),
                                path("/zuwendungen/*/aenderung"), path("/haushalt/festlegen")).hasRole(MINISTRY)
                        .requestMatchers(path(GET, "/haushalt")).hasAnyRole(MINISTRY, GRANT_OFFICER, AUDITOR)
                        .requestMatchers(path(GET, "/zuwendungen/*/verlauf.*"))
                        .hasAnyRole(COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR)
                        .requestMatchers(path(GET, "/zuwendungen")).hasAnyRole(GRANT_OFFICER, MINISTRY, AUDITOR)
                        .requestMatchers(path(GET, "/zuwendungen/*")).hasAnyRole(COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR)
                        // operations: accounts and read models
                        .requestMatchers(path("/verwaltung/**")).hasRole(ADMINISTRATOR)
                        // state-wide figures (counts, hours, money; never names), as the API's /api/ministry/**
                        .requestMatchers(path(GET, "/landesweit/**")).hasAnyRole(MINISTRY, AUDITOR, GRANT_OFFICER)
                        .anyRequest().authenticated())
                // the browser UI: own sign-in page, session, CSRF token on every form (Spring's default, kept on)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?fehler").permitAll())
                .httpBasic(Customizer.withDefaults()) // for programs such as a metrics scraper
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?abgemeldet")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                // a new session id on sign-in, so an id planted before (session fixation) is worth nothing
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> headers(h, uiContentSecurityPolicy()));
        return http.build();
    }
}
