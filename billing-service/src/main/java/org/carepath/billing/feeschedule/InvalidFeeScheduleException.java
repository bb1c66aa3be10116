package org.carepath.billing.feeschedule;

/** A fee schedule (or Part B deductible) data file that cannot be used; names the file, line and column. */
public class InvalidFeeScheduleException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final int column;

    InvalidFeeScheduleException(String source, int line, int column, String columnName, String problem) {
        super(describe(source, line, column, columnName, problem));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String describe(String source, int line, int column, String columnName, String problem) {
        String where = source + (line > 0 ? " line " + line : "");
        if (column > 0) {
            where += ", column " + column + " (" + columnName + ")";
        }
        return where + ": " + problem;
    }

    public String source() {
        return source;
    }

    /** 1-based line number, 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** 1-based column number, 0 when the problem is the whole line. */
    public int column() {
        return column;
    }
}
