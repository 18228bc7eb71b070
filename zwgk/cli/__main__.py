from zwgk.cli import cli

cli()
