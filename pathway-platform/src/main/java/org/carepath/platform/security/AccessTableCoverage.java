package org.carepath.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start a service that serves an endpoint no row of the {@link AccessTable} names: denied by default
 * is safe, but a forgotten row is a bug to find at start-up, not in production.
 */
class AccessTableCoverage implements ApplicationListener<ContextRefreshedEvent> {

    private static final Set<String> INTERNAL = Set.of("/error");
    private final AccessRules rules;

    AccessTableCoverage(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        List<String> uncovered = new ArrayList<>();
        event.getApplicationContext()
                .getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> check(info, uncovered)));
        if (!uncovered.isEmpty()) {
            throw new IllegalStateException("endpoints with no row in AccessTable: " + uncovered);
        }
    }

    private void check(RequestMappingInfo info, List<String> uncovered) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            if (INTERNAL.contains(pattern)) {
                continue;
            }
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                if (!covered(method.asHttpMethod(), pattern)) {
                    uncovered.add(method + " " + pattern);
                }
            }
        }
    }

    private boolean covered(HttpMethod method, String pattern) {
        return rules.covers(method, pattern);
    }
}
