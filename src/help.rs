//! The help text in the run's language. English is clap's, from the doc comments of
//! [`crate::args`]; for Kazakh and Russian every command's about, every argument's help, the
//! headings and the examples come from the messages (`help-…` ids), the language being the one
//! `--lang` names on the command line (read before clap parses it) or the environment's.

use clap::{Arg, ArgAction, Command, CommandFactory};
use esep_ingest::{Lang, Msg};

use crate::args::Args;

/// The language asked for by `--lang X` or `--lang=X` among the raw arguments, if any.
pub fn asked(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Lang::parse(value);
        }
        if word == "--lang" {
            return words.next().and_then(|v| Lang::parse(&v));
        }
    }
    None
}

/// The command line of esep with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Args::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = speak(cmd, &[], lang);
    // clap adds its `help` subcommand when it builds the command: built first, it can be told.
    cmd.build();
    let about = esep_messages::lookup(lang, "help-subcommand-help").unwrap_or_default();
    cmd.mut_subcommand("help", |s| s.about(about))
}

/// The message id of a command (`help-esep`, `help-build`, `help-import-form-1m`).
pub fn command_id(path: &[String]) -> String {
    if path.is_empty() { "help-esep".to_string() } else { format!("help-{}", path.join("-")) }
}

/// The message id of an argument: global ones are `help-arg-NAME`, the others
/// `help-COMMAND-NAME`.
pub fn arg_id(path: &[String], arg: &Arg) -> String {
    if path.is_empty() || arg.is_global_set() {
        format!("help-arg-{}", arg.get_id())
    } else {
        format!("{}-{}", command_id(path), arg.get_id())
    }
}

fn speak(cmd: Command, path: &[String], lang: Lang) -> Command {
    let text = |id: &str| esep_messages::lookup(lang, id).unwrap_or_else(|| id.to_string());
    let (options, arguments) = (text("help-heading-options"), text("help-heading-arguments"));
    let template =
        format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", text("help-usage"));
    let mut cmd = cmd
        .about(text(&command_id(path)))
        .long_about(None::<&str>)
        .help_template(template)
        .subcommand_help_heading(text("help-heading-commands"))
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(text("help-flag-help")))
        .mut_args(|arg| {
            if arg.get_id() == "help" {
                return arg.help_heading(options.clone());
            }
            let help = text(&arg_id(path, &arg));
            let heading = if arg.is_positional() { &arguments } else { &options };
            let arg = arg.help(help).long_help(None::<&str>).help_heading(heading.clone());
            // What clap would add in English (defaults, values, variables) the texts say.
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true).hide_env(true)
            } else {
                arg.hide_env(true)
            }
        });
    if path.is_empty() {
        cmd = cmd.after_long_help(text("help-examples")).disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("help-flag-version"))
                .help_heading(options.clone()),
        );
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let inner: Vec<String> = path.iter().cloned().chain([name.clone()]).collect();
        cmd = cmd.mut_subcommand(&name, |s| speak(s, &inner, lang));
    }
    cmd
}

/// A mistake on the command line in `lang`, for Kazakh and Russian runs: what is wrong, a hint
/// if clap has one, the usage and where to read more. `None`: clap's own words (English runs,
/// the help and version, kinds esep does not word).
pub fn error_text(err: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En {
        return None;
    }
    let plain = |kind: ContextKind| -> Option<String> {
        match err.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => {
                Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
            }
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = plain(ContextKind::InvalidArg).unwrap_or_default();
    let value = plain(ContextKind::InvalidValue).unwrap_or_default();
    let msg = match err.kind() {
        ErrorKind::UnknownArgument => Msg::new("cli-unknown-argument").arg("arg", arg.as_str()),
        ErrorKind::InvalidSubcommand => Msg::new("cli-unknown-command")
            .arg("arg", plain(ContextKind::InvalidSubcommand).unwrap_or_default()),
        ErrorKind::MissingRequiredArgument => {
            let list = match err.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) => {
                    v.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                }
                _ => format!("`{arg}`"),
            };
            Msg::new("cli-missing").arg("list", list)
        }
        ErrorKind::InvalidValue if err.get(ContextKind::ValidValue).is_some() => {
            Msg::new("cli-invalid-value")
                .arg("value", value.as_str())
                .arg("arg", arg.as_str())
                .arg("valid", plain(ContextKind::ValidValue).unwrap_or_default())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            Msg::new("cli-bad-value").arg("value", value.as_str()).arg("arg", arg.as_str())
        }
        ErrorKind::ArgumentConflict => Msg::new("cli-conflict")
            .arg("arg", arg.as_str())
            .arg("other", plain(ContextKind::PriorArg).unwrap_or_default()),
        _ => return None,
    };
    let mut text = format!("{}: {}", esep_messages::text(lang, "level-error"), msg.text(lang));
    let suggested = plain(ContextKind::SuggestedArg).or_else(|| plain(ContextKind::SuggestedSubcommand));
    if let Some(similar) = suggested {
        text.push_str(&format!("\n  {}", Msg::new("cli-did-you-mean").arg("arg", similar).text(lang)));
    } else if err.get(ContextKind::Suggested).is_some() && err.kind() == ErrorKind::UnknownArgument {
        text.push_str(&format!("\n  {}", Msg::new("cli-dashes").arg("arg", arg.as_str()).text(lang)));
    }
    // clap's usage line starts with its English title.
    let usage = plain(ContextKind::Usage).unwrap_or_default();
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim().to_string();
    if !usage.is_empty() {
        let usage_word = esep_messages::lookup(lang, "help-usage").unwrap_or_default();
        let command: Vec<&str> =
            usage.split_whitespace().take_while(|w| !w.starts_with(['-', '[', '<'])).collect();
        text.push_str(&format!("\n\n{usage_word} {usage}\n\n"));
        text.push_str(&Msg::new("cli-more").arg("command", command.join(" ")).text(lang));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command's and argument's message id, walking the command line.
    fn ids(cmd: &Command, path: &[String], out: &mut Vec<String>) {
        out.push(command_id(path));
        for arg in cmd.get_arguments().filter(|a| !["help", "version"].contains(&a.get_id().as_str())) {
            let id = arg_id(path, arg);
            if !out.contains(&id) {
                out.push(id);
            }
        }
        for sub in cmd.get_subcommands() {
            let inner: Vec<String> = path.iter().cloned().chain([sub.get_name().to_string()]).collect();
            ids(sub, &inner, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_kazakh_and_russian() {
        let mut wanted = Vec::new();
        ids(&Args::command(), &[], &mut wanted);
        assert!(wanted.len() > 40, "{}", wanted.len());
        for id in &wanted {
            let [kk, ru] = [Lang::Kk, Lang::Ru].map(|l| esep_messages::lookup(l, id));
            assert!(kk.as_ref().is_some_and(|t| !t.is_empty()), "{id}: no Kazakh help");
            assert!(ru.as_ref().is_some_and(|t| !t.is_empty()), "{id}: no Russian help");
            assert_ne!(kk, ru, "{id}");
        }
        // … and the files hold no help of an argument that is gone.
        let fixed = [
            "usage",
            "heading-commands",
            "heading-arguments",
            "heading-options",
            "flag-help",
            "flag-version",
            "subcommand-help",
            "examples",
        ]
        .map(|k| format!("help-{k}"));
        for id in esep_messages::ids(Lang::Kk).into_iter().filter(|id| id.starts_with("help-")) {
            assert!(wanted.contains(&id) || fixed.contains(&id), "{id} is not used");
        }
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(asked(&args(&["esep", "build", "--lang", "kk", "--help"])), Some(Lang::Kk));
        assert_eq!(asked(&args(&["esep", "--lang=ru", "-h"])), Some(Lang::Ru));
        assert_eq!(asked(&args(&["esep", "--lang", "xx"])), None);
        assert_eq!(asked(&args(&["esep", "build", "--", "--lang", "kk"])), None);
        assert_eq!(asked(&args(&["esep", "--help"])), None);
    }

    #[test]
    fn kazakh_help_has_no_english_heading() {
        let mut cmd = command(Lang::Kk);
        let help = cmd.render_long_help().to_string();
        for word in ["Usage:", "Commands:", "Options:", "Print help", "Print version", "Examples:"] {
            assert!(!help.contains(word), "{word} in\n{help}");
        }
        assert!(help.contains("Қолданылуы: esep"), "{help}");
        let build =
            cmd.find_subcommand_mut("build").map(|c| c.render_long_help().to_string()).unwrap_or_default();
        assert!(build.contains("Аргументтер:") && build.contains("Параметрлер:"), "{build}");
        assert!(build.contains("кілті өзгермеген файлдарды да қайта жасау"), "{build}");
        assert!(!build.contains("Make every file again"), "{build}");
    }
}
