package org.carepath.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The {@link AccessTable} compiled to request matchers, first match wins: for authorization and for audit. */
public final class AccessRules {

    /** A rule that matched a request, with the path's variables ({@code episodeId}, {@code appointmentId}). */
    public record Match(AccessRule rule, Map<String, String> variables) {}

    private record Compiled(AccessRule rule, RequestMatcher matcher, PathPattern pattern) {}

    private final List<Compiled> compiled;

    public AccessRules(List<AccessRule> rules) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.compiled = rules.stream()
                .map(rule -> new Compiled(
                        rule,
                        paths.matcher(rule.method(), rule.path()),
                        PathPatternParser.defaultInstance.parse(rule.path())))
                .toList();
    }

    public List<AccessRule> rules() {
        return compiled.stream().map(Compiled::rule).toList();
    }

    RequestMatcher matcherOf(AccessRule rule) {
        return compiled.stream()
                .filter(entry -> entry.rule() == rule)
                .findFirst()
                .orElseThrow()
                .matcher();
    }

    /** Whether some row names this method and path (a controller's mapping pattern, read as a path). */
    public boolean covers(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return compiled.stream()
                .anyMatch(entry ->
                        entry.rule().method().equals(method) && entry.pattern().matches(container));
    }

    /** The first row naming this method and path. */
    public Optional<AccessRule> ruleFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return compiled.stream()
                .filter(entry ->
                        entry.rule().method().equals(method) && entry.pattern().matches(container))
                .map(Compiled::rule)
                .findFirst();
    }

    /** What the table answers this call; a call no row names is denied (401 without a token, else 403). */
    public AccessRule.Verdict verdict(
            HttpMethod method, String path, java.util.Set<Role> roles, boolean authenticated, boolean ownEpisode) {
        return ruleFor(method, path)
                .map(rule -> rule.verdictFor(roles, authenticated, ownEpisode))
                .orElse(authenticated ? AccessRule.Verdict.FORBIDDEN : AccessRule.Verdict.UNAUTHENTICATED);
    }

    public Optional<Match> match(HttpServletRequest request) {
        for (Compiled entry : compiled) {
            RequestMatcher.MatchResult result = entry.matcher().matcher(request);
            if (result.isMatch()) {
                return Optional.of(new Match(entry.rule(), result.getVariables()));
            }
        }
        return Optional.empty();
    }
}
