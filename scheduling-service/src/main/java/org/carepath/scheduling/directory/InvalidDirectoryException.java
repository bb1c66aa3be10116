package org.carepath.scheduling.directory;

import java.util.List;

/** The directory data is unusable; the message lists every problem found, each naming where it is. */
public class InvalidDirectoryException extends RuntimeException {

    private final List<String> problems;

    public InvalidDirectoryException(String source, List<String> problems) {
        super(source + " is not a valid directory (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
