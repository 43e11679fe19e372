//! File names as the report shows them.

/// `name` with `.` and `dir/..` steps taken out, so that a file reached
/// through different SRMs (`clients/a/../../provider.yaml`) has one name
/// whichever SRM loaded it first.
pub fn normal(name: &str) -> String {
    let absolute = name.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|last| *last != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match absolute {
        true => format!("/{joined}"),
        false => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::normal;

    #[test]
    fn parent_steps_are_taken_out() {
        assert_eq!(
            normal("fixtures/portfolio/clients/keel/../../provider.yaml"),
            "fixtures/portfolio/provider.yaml"
        );
        assert_eq!(normal("./a/./b.yaml"), "a/b.yaml");
        assert_eq!(normal("../other/provider.yaml"), "../other/provider.yaml");
        assert_eq!(normal("/srv/../etc/x"), "/etc/x");
        assert_eq!(
            normal("builtin:policies/uncovered_control.rego"),
            "builtin:policies/uncovered_control.rego"
        );
    }
}
