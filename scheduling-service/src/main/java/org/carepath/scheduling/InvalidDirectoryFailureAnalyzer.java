package org.carepath.scheduling;

import org.carepath.scheduling.directory.InvalidDirectoryException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stops on a bad directory file with the loader's list of problems, not a bean-creation trace. */
class InvalidDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDirectoryException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the directory file, or unset carepath.scheduling.directory-file (CAREPATH_DIRECTORY_FILE) to use"
                        + " the bundled directory.",
                cause);
    }
}
