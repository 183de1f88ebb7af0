//! `jobscope rules`: every lint rule with its code, default severity and summary (text), or the
//! whole documentation of each rule (JSON, the shape the web app's explain panel reads).

use std::process::ExitCode;

use jobscope_analysis::presets_for_rule;
use jobscope_analysis::rules::rules;
use serde_json::json;

use crate::cli::{Format, RulesArgs};
use crate::common::{write_json, write_out};

pub fn rules_command(args: RulesArgs) -> ExitCode {
    match args.format {
        Format::Json => {
            let list: Vec<serde_json::Value> = rules()
                .iter()
                .map(|rule| {
                    json!({
                        "code": rule.code,
                        "severity": rule.severity.as_str(),
                        "summary": rule.summary,
                        "help": rule.help,
                        "docs": {
                            "whatItDoes": rule.docs.what_it_does,
                            "whyItMatters": rule.docs.why_it_matters,
                            "example": rule.docs.example,
                            "useInstead": rule.docs.use_instead,
                            "references": rule.docs.references,
                        },
                        // The page's Simulation presets that show the rule's trap.
                        "simulationPresets": presets_for_rule(rule.code)
                            .map(|preset| json!({"id": preset.id, "title": preset.title}))
                            .collect::<Vec<_>>(),
                    })
                })
                .collect();
            write_json(&json!({ "rules": list }));
        }
        Format::Text => {
            let width = rules().iter().map(|r| r.code.len()).max().unwrap_or(0);
            let mut out = String::new();
            for rule in rules() {
                out.push_str(&format!(
                    "{:width$}  {:7}  {}\n",
                    rule.code,
                    rule.severity.as_str(),
                    rule.summary
                ));
            }
            out.push_str("\nTurn rules off with `jobscope validate --disable CODE,...` or, per document, the annotation `jobscope.dev/ignore: CODE,CODE`.\n");
            write_out(&out);
        }
    }
    ExitCode::SUCCESS
}
