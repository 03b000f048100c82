package org.lhs.qi.stats.spc;

/**
 * One detected special cause, spanning periods {@code first}..{@code last} (0-based, inclusive).
 *
 * @param side the direction of the signal: above/up, below/down, or none
 */
public record SignalEvent(Signal signal, int first, int last, Side side) {}
