package org.carepath.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void escapesPipesInsideCells() {
        assertThat(MarkdownTable.line(List.of("a|b", "c"))).isEqualTo("| a\\|b | c |");
    }

    @Test
    void rejectsARowOfTheWrongWidth() {
        MarkdownTable table = new MarkdownTable(List.of("one", "two"));

        assertThatThrownBy(() -> table.row(List.of("only"))).isInstanceOf(IllegalArgumentException.class);
    }
}
