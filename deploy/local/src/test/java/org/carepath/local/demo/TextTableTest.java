package org.carepath.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsEachColumnToItsWidestCell() {
        String table = TextTable.render(
                "  ",
                List.of("KIND", "STATUS"),
                List.of(List.of("ICE_TO_HEAT", "PENDING"), List.of("TWO_WEEK_CHECK", "SENT")));

        assertThat(table)
                .isEqualTo(
                        """
                          KIND            STATUS
                          ICE_TO_HEAT     PENDING
                          TWO_WEEK_CHECK  SENT
                        """);
    }

    @Test
    void leavesAMissingCellBlank() {
        String table = TextTable.render("", List.of("A", "B"), List.of(List.of("x")));

        assertThat(table).isEqualTo("A  B\nx\n");
    }
}
