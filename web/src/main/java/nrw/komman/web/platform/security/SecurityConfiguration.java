package nrw.komman.web.platform.security;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Scope;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.web.account.AccountUserDetailsService;
import nrw.komman.web.account.CachingAuthenticationProvider;
import nrw.komman.web.account.CredentialCache;
import nrw.komman.web.account.PasswordVerification;
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
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static nrw.komman.kernel.access.Action.AMEND_GRANT;
import static nrw.komman.kernel.access.Action.APPROVE_GRANT_RAISE;
import static nrw.komman.kernel.access.Action.APPLY_FOR_GRANT;
import static nrw.komman.kernel.access.Action.APPROVE_GRANT;
import static nrw.komman.kernel.access.Action.CLOSE_CENTRE;
import static nrw.komman.kernel.access.Action.CONFIRM_CENTRE_CLOSURE;
import static nrw.komman.kernel.access.Action.CLOSE_GRANT;
import static nrw.komman.kernel.access.Action.DISBURSE_TRANCHE;
import static nrw.komman.kernel.access.Action.ERASE_VOLUNTEER_DATA;
import static nrw.komman.kernel.access.Action.ESTABLISH_CENTRE;
import static nrw.komman.kernel.access.Action.EXTEND_USAGE_REPORT_DUE;
import static nrw.komman.kernel.access.Action.REPORT_TRANCHE_SPENT;
import static nrw.komman.kernel.access.Action.SET_PROGRAMME_DATES;
import static nrw.komman.kernel.access.Action.EXPORT_VOLUNTEER_DATA;
import static nrw.komman.kernel.access.Action.LOG_ACTIVITY;
import static nrw.komman.kernel.access.Action.MANAGE_ACCOUNTS;
import static nrw.komman.kernel.access.Action.MANAGE_HELP_REQUESTS;
import static nrw.komman.kernel.access.Action.MANAGE_READ_MODELS;
import static nrw.komman.kernel.access.Action.MANAGE_VOLUNTEER;
import static nrw.komman.kernel.access.Action.MONITOR_NOTICE_DELIVERY;
import static nrw.komman.kernel.access.Action.MONITOR_OPERATIONS;
import static nrw.komman.kernel.access.Action.READ_BUDGETS;
import static nrw.komman.kernel.access.Action.READ_CENTRES;
import static nrw.komman.kernel.access.Action.READ_GRANTS;
import static nrw.komman.kernel.access.Action.READ_HELP_REQUESTS;
import static nrw.komman.kernel.access.Action.READ_OWN_NOTICES;
import static nrw.komman.kernel.access.Action.READ_PERSONAL_DATA;
import static nrw.komman.kernel.access.Action.READ_REPORTS;
import static nrw.komman.kernel.access.Action.READ_STATE_FIGURES;
import static nrw.komman.kernel.access.Action.RECORD_CONSENT_WITHDRAWAL;
import static nrw.komman.kernel.access.Action.RECORD_REPAYMENT;
import static nrw.komman.kernel.access.Action.REGISTER_VOLUNTEER;
import static nrw.komman.kernel.access.Action.REJECT_GRANT;
import static nrw.komman.kernel.access.Action.REQUEST_FUNDS;
import static nrw.komman.kernel.access.Action.REVIEW_GRANT;
import static nrw.komman.kernel.access.Action.RUN_RETENTION;
import static nrw.komman.kernel.access.Action.SET_BUDGET;
import static nrw.komman.kernel.access.Action.SUBMIT_USAGE_REPORT;
import static nrw.komman.kernel.access.Action.VIEW_RETENTION_PLAN;
import static nrw.komman.kernel.access.Action.WITHDRAW_GRANT_APPLICATION;
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
 *   <li>everything else: the browser pages ({@code @PageController}s of every feature) with form login at {@code /login},
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
 * ADR 24) and logged ({@link SignInLog}); the session id changes on sign-in.
 *
 * <p>The roles of each address rule are the permission map's ({@link Action}, ADR 18). The domain handlers check
 * more than the role: a coordinator acts only on their own centre (403
 * from the handler otherwise), the four-eyes rule for approvals, and so on.
 * <p>Why this size: one address rule per group of pages and API operations, all in one place, each taking its roles from the permission map, so that the rules read against the map at a glance.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

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
     * Throttling (ADR 24) around the credential cache around the password check: every refusal costs one verification
     * like a wrong password; a blocked pair or address is refused even when the cache knows its password.
     */
    @Bean
    public AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder,
                                                       CredentialCache credentialCache, SignInThrottle throttle,
                                                       AuthenticationEventPublisher events, ObjectProvider<Clock> clock) {
        PasswordVerification passwords = new PasswordVerification(accounts, passwordEncoder);
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(
                new CachingAuthenticationProvider(passwords, accounts, credentialCache, clock.getIfUnique(Clock::systemUTC)),
                passwords, throttle));
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
     * Who may use which address of the API: the roles come from the permission map ({@link #roles}). Ministry,
     * auditors and the grant authority never reach volunteer data; administrators reach a volunteer only to erase
     * them or to hand out the information (Art. 15, 17 DSGVO). Which centre is the handlers' question.
     */
    static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api
                .requestMatchers(path("/api/admin/**"))
                .hasAnyRole(roles(MANAGE_ACCOUNTS, MANAGE_READ_MODELS, RUN_RETENTION, VIEW_RETENTION_PLAN, MONITOR_NOTICE_DELIVERY))
                // issue 19: each account's own notices and settings (the handlers reach the caller's rows only)
                .requestMatchers(path("/api/notices/**")).hasAnyRole(roles(READ_OWN_NOTICES))
                // issue 18: the volunteer through their personal link, no account (the token in the path is the
                // credential, checked by the handlers); a certificate's number is checked by whoever holds the paper
                .requestMatchers(path("/api/link/**"), path(GET, "/api/certificates/*")).permitAll()
                .requestMatchers(path(GET, "/api/centres/*/calendar.ics")).hasAnyRole(roles(READ_HELP_REQUESTS))
                .requestMatchers(path(GET, "/api/ministry/**")).hasAnyRole(roles(READ_STATE_FIGURES))
                // coordination (issue 18): requests for help and their assignments, the centre's coordinators only
                .requestMatchers(path(GET, "/api/state/coordination")).hasAnyRole(roles(READ_STATE_FIGURES))
                .requestMatchers(path("/api/centres/*/help-requests"), path("/api/centres/*/assignments"),
                        path("/api/help-requests/**"), path(GET, "/api/volunteers/*/assignments"))
                .hasAnyRole(roles(MANAGE_HELP_REQUESTS, READ_HELP_REQUESTS))
                .requestMatchers(path(POST, "/api/centres"), path(POST, "/api/centres/*/closure-proposal"),
                        path(POST, "/api/centres/*/closure-proposal/*"))
                .hasAnyRole(roles(ESTABLISH_CENTRE, CLOSE_CENTRE, CONFIRM_CENTRE_CLOSURE))
                // the volunteer's rights (DSGVO): erasure and the information also for administrators; the
                // withdrawal of consent, like everything else about a volunteer, for coordinators only (below)
                .requestMatchers(path(POST, "/api/volunteers/*/erasure"), path(GET, "/api/volunteers/*/data-export"),
                        path(GET, "/api/volunteers/*/data-export.pdf")).hasAnyRole(roles(ERASE_VOLUNTEER_DATA, EXPORT_VOLUNTEER_DATA))
                .requestMatchers(path("/api/centres/*/volunteers/**"), path("/api/centres/*/activities/**"),
                        path("/api/centres/*/dashboard"), path("/api/volunteers/**")).hasAnyRole(roles(VOLUNTEER_WORK))
                .requestMatchers(path(GET, "/api/centres"), path(GET, "/api/centres/*")).hasAnyRole(roles(READ_CENTRES))
                .requestMatchers(path(POST, "/api/grants"), path(POST, "/api/grants/*/withdrawal"),
                        path(POST, "/api/grants/*/fund-requests"), path(POST, "/api/grants/*/usage-report"))
                .hasAnyRole(roles(APPLY_FOR_GRANT, WITHDRAW_GRANT_APPLICATION, REQUEST_FUNDS, SUBMIT_USAGE_REPORT))
                .requestMatchers(path(POST, "/api/grants/*/review"), path(POST, "/api/grants/*/disbursements"),
                        path(POST, "/api/grants/*/closure"), path(POST, "/api/grants/*/repayments"),
                        path(POST, "/api/grants/*/usage-report-due"))
                .hasAnyRole(roles(REVIEW_GRANT, DISBURSE_TRANCHE, CLOSE_GRANT, RECORD_REPAYMENT, EXTEND_USAGE_REPORT_DUE))
                // issue 19: the centre reports a tranche's money as spent
                .requestMatchers(path(POST, "/api/grants/*/tranches/*/spent")).hasAnyRole(roles(REPORT_TRANCHE_SPENT))
                .requestMatchers(path(POST, "/api/grants/*/approval"), path(POST, "/api/grants/*/rejection"),
                        path(POST, "/api/grants/*/amendments"), path(POST, "/api/grants/*/raise/*"), path(PUT, "/api/budgets/**"),
                        path(PUT, "/api/programme-dates/*"))
                .hasAnyRole(roles(APPROVE_GRANT, REJECT_GRANT, AMEND_GRANT, APPROVE_GRANT_RAISE, SET_BUDGET, SET_PROGRAMME_DATES))
                .requestMatchers(path(GET, "/api/programme-dates")).hasAnyRole(roles(READ_GRANTS))
                .requestMatchers(path(GET, "/api/budgets")).hasAnyRole(roles(READ_BUDGETS))
                .requestMatchers(path(GET, "/api/grants/**")).hasAnyRole(roles(READ_GRANTS))
                // annual reports: every role; a coordinator gets their own centre's only (query side)
                .requestMatchers(path(GET, "/api/reports/**"), path(POST, "/api/reports/annual/jobs")).hasAnyRole(roles(READ_REPORTS))
                .requestMatchers(path("/api/me")).authenticated()
                // anything else: signed in; unknown addresses then answer 404, wrong methods 405
                .anyRequest().authenticated();
    }

    /** A coordinator's work with the volunteers of their centre, behind one address prefix in the API and the UI. */
    private static final Action[] VOLUNTEER_WORK = {REGISTER_VOLUNTEER, MANAGE_VOLUNTEER, LOG_ACTIVITY,
            RECORD_CONSENT_WITHDRAWAL, READ_PERSONAL_DATA};

    /**
     * Every role an account can have (the platform's own {@link AccountRole#SYSTEM} signs in nowhere; a volunteer acts
     * through their personal link, never with an account: {@link AccountRole#VOLUNTEER}).
     */
    private static final Set<AccountRole> ACCOUNT_ROLES = EnumSet.complementOf(EnumSet.of(AccountRole.SYSTEM, AccountRole.VOLUNTEER));

    /**
     * The accounts' roles the permission map allows the actions, for one address rule. The actions behind one rule
     * must agree; when the map lets them part, starting fails here, and the rule has to be split.
     */
    static String[] roles(Action... actions) {
        Set<AccountRole> roles = null;
        for (Action action : actions) {
            Set<AccountRole> allowed = EnumSet.copyOf(ACCOUNT_ROLES);
            allowed.retainAll(action.roles());
            if (roles != null && !roles.equals(allowed)) {
                throw new IllegalStateException("one address rule for actions with different roles: " + Arrays.toString(actions));
            }
            roles = allowed;
        }
        return names(roles);
    }

    /** The accounts' roles that take the action on any centre's data: who reads lists across the centres. */
    static String[] rolesOnAnyCentre(Action action) {
        Set<AccountRole> roles = action.rolesReaching(Scope.ANY_CENTRE);
        roles.retainAll(ACCOUNT_ROLES);
        return names(roles);
    }

    private static String[] names(Set<AccountRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalStateException("an address rule for no role");
        }
        return roles.stream().map(Enum::name).toArray(String[]::new);
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

    private static Action[] concat(Action[] first, Action... more) {
        Action[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /**
     * The page to go back to after sign-in is remembered in the session, whose row is in the database (ADR 23): only
     * an address without a query string, since a search (`/ehrenamtliche?suche=…`) may carry a volunteer's name.
     */
    static RequestCache pagesToReturnTo() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getQueryString() == null
                && String.valueOf(request.getHeader("Accept")).contains("text/html")); // a page, not a script's call
        return cache;
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
                        // issue 18: the volunteer's own page behind their personal link and the public check of a
                        // certificate: no account (the handlers resolve the secret in the address)
                        .requestMatchers(path("/mein-einsatz/**"), path(GET, "/nachweis/*")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAnyRole(roles(MONITOR_OPERATIONS))
                        // the coordinator's pages (the handlers check the centre again); the UI offers a volunteer's
                        // information and erasure to the centre only, administrators answer such requests by the API
                        .requestMatchers(path("/zentrum/**"), path("/ehrenamtliche/**"), path("/zuwendungen/*/ruecknahme"))
                        .hasAnyRole(roles(concat(VOLUNTEER_WORK, APPLY_FOR_GRANT, WITHDRAW_GRANT_APPLICATION, REQUEST_FUNDS,
                                SUBMIT_USAGE_REPORT, REPORT_TRANCHE_SPENT)))
                        // grants: the grant authority reviews, the ministry decides, auditors read histories only
                        .requestMatchers(path("/pruefung"), path("/zuwendungen/*/pruefung"), path("/bewirtschaftung"),
                                path("/zuwendungen/*/auszahlung"), path("/zuwendungen/*/abschluss"),
                                path("/zuwendungen/*/rueckzahlung"), path("/zuwendungen/*/frist"))
                        .hasAnyRole(roles(REVIEW_GRANT, DISBURSE_TRANCHE, CLOSE_GRANT, RECORD_REPAYMENT, EXTEND_USAGE_REPORT_DUE))
                        .requestMatchers(path("/entscheidungen"), path("/zuwendungen/*/entscheidung"),
                                path("/zuwendungen/*/aenderung"), path("/haushalt/festlegen"), path("/fristen"), path("/fristen/*"))
                        .hasAnyRole(roles(APPROVE_GRANT, REJECT_GRANT, AMEND_GRANT, SET_BUDGET, SET_PROGRAMME_DATES))
                        .requestMatchers(path(GET, "/haushalt")).hasAnyRole(roles(READ_BUDGETS))
                        .requestMatchers(path(GET, "/zuwendungen/*/verlauf.*")).hasAnyRole(roles(READ_GRANTS))
                        // the register of all grants: for those who read every centre's
                        .requestMatchers(path(GET, "/zuwendungen")).hasAnyRole(rolesOnAnyCentre(READ_GRANTS))
                        .requestMatchers(path(GET, "/zuwendungen/*")).hasAnyRole(roles(READ_GRANTS))
                        // operations: accounts, read models, retention rules, e-mails of notices not delivered
                        .requestMatchers(path("/verwaltung/**"))
                        .hasAnyRole(roles(MANAGE_ACCOUNTS, MANAGE_READ_MODELS, RUN_RETENTION, VIEW_RETENTION_PLAN,
                                MONITOR_NOTICE_DELIVERY))
                        // issue 19: each account's own notices and settings
                        .requestMatchers(path("/benachrichtigungen/**")).hasAnyRole(roles(READ_OWN_NOTICES))
                        // state-wide figures (counts, hours, money; never names), as the API's /api/ministry/**
                        .requestMatchers(path(GET, "/landesweit/**")).hasAnyRole(roles(READ_STATE_FIGURES))
                        .anyRequest().authenticated())
                // the browser UI: own sign-in page, session, CSRF token on every form (Spring's default, kept on)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?fehler").permitAll())
                .httpBasic(Customizer.withDefaults()) // for programs such as a metrics scraper
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?abgemeldet")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                // a new session id on sign-in, so an id planted before (session fixation) is worth nothing
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .requestCache(c -> c.requestCache(pagesToReturnTo()))
                .headers(h -> headers(h, uiContentSecurityPolicy()));
        return http.build();
    }
}
