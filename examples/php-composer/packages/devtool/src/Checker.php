<?php

namespace Devtool;

/** Stands for a test or lint tool: only development needs it. */
final class Checker
{
}
