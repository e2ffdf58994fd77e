// Minimal types for the parts of mvdan-sh (the GopherJS build of mvdan/sh) that shell.ts reads.
declare module 'mvdan-sh' {
  export interface Pos {
    Offset(): number;
  }
  export interface Node {
    Pos(): Pos;
    End(): Pos;
  }
  export interface Word extends Node {
    Parts: Node[];
    Lit(): string;
  }
  export interface Lit extends Node {
    Value: string;
  }
  export interface SglQuoted extends Node {
    Value: string;
  }
  export interface DblQuoted extends Node {
    Parts: Node[];
  }
  export interface ParamExp extends Node {
    Param: Lit;
    Short: boolean;
  }
  export interface Assign extends Node {
    Name: Lit | null;
    Value: Word | null;
  }
  export interface Redirect extends Node {
    OpPos: Pos;
    N: Lit | null;
    Word: Word | null;
  }
  export interface CallExpr extends Node {
    Assigns: Assign[];
    Args: Word[];
  }
  export interface BinaryCmd extends Node {
    OpPos: Pos;
    X: Stmt;
    Y: Stmt;
  }
  export interface DeclClause extends Node {
    Variant: Lit;
    Args: Assign[];
  }
  export interface Stmt extends Node {
    Cmd: Node | null;
    Redirs: Redirect[];
    Negated: boolean;
    Background: boolean;
  }
  export interface File extends Node {
    Stmts: Stmt[];
  }
  export interface Parser {
    Parse(src: string, name: string): File;
  }
  const sh: {
    syntax: {
      NewParser(...options: unknown[]): Parser;
      KeepComments(enabled: boolean): unknown;
      Variant(v: number): unknown;
      LangBash: number;
      NodeType(node: Node): string;
      Walk(node: Node, visit: (node: Node | null) => boolean): void;
    };
  };
  export default sh;
}
