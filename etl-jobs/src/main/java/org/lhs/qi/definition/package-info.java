/** Indicator definition language: model, positioned YAML parser, validation, value sets, test cases. */
package org.lhs.qi.definition;
