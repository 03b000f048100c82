/** The data-quality gate: declarative checks from YAML files, compiled to set-based SQL over the warehouse. */
package org.lhs.qi.quality;
