package org.carepath.triage.rules;

import java.util.List;
import java.util.function.Predicate;

/** One rule of clinical-rules.md: its ID and the condition under which it fires. */
record Rule<F>(String id, Predicate<F> condition) {

    boolean firesFor(F facts) {
        return condition.test(facts);
    }

    static <F> List<String> idsFiring(List<Rule<F>> rules, F facts) {
        return rules.stream().filter(rule -> rule.firesFor(facts)).map(Rule::id).toList();
    }
}
