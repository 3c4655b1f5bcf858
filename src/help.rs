//! The help text in the run's language. English is clap's, from the doc comments of
//! [`crate::args`]; for Kazakh and Russian every command's about, every argument's help, the
//! headings and the examples come from the messages (`help-…` ids), the language being the one
//! `--lang` names on the command line (read before clap parses it) or the environment's.

use clap::{Arg, ArgAction, Command, CommandFactory};
use esep_ingest::Lang;

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
