package org.lhs.qi.cli;

/** Entry point of the {@code qi} launcher. */
public final class QiMain {
    private QiMain() {}

    public static void main(String[] args) {
        System.out.println("qi");
    }
}
