<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ActualsModel</name>
    <message>
        <source>{0}, {1}</source>
        <extracomment>Months before the plan&apos;s start that may be shown at most (the longest lag a plan allows is far shorter). Why an edit of the grid was not made, naming the metric, the month and the value.</extracomment>
        <translation>{0}、{1}</translation>
    </message>
    <message>
        <source>Kept by week in the file ({0}); edit the weeks there.</source>
        <translation>ファイルでは週ごとに記録しています（{0}）。週の値はファイルで編集してください。</translation>
    </message>
    <message>
        <source>Before the plan starts: counts for stages that convert later (lag).</source>
        <translation>計画開始前: 後で転換する段階（ラグ）のための件数です。</translation>
    </message>
    <message>
        <source>{0}: before the plan starts (carry-in)</source>
        <translation>{0}: 計画開始前（開始前繰越）</translation>
    </message>
    <message>
        <source>{0}: the as-of month</source>
        <translation>{0}: 基準月</translation>
    </message>
    <message>
        <source> (measured weekly: typed by month here)</source>
        <translation>（週ごとに計測: ここでは月ごとに入力）</translation>
    </message>
    <message>
        <source>{0}, {1}: “{2}”: {3}</source>
        <translation>{0}、{1}: 「{2}」: {3}</translation>
    </message>
    <message>
        <source>Nothing was pasted. </source>
        <translation>貼り付けていません。</translation>
    </message>
    <message>
        <source>this month is kept by week in the file; edit the weeks there</source>
        <translation>この月はファイルで週ごとに記録しています。週の値はファイルで編集してください</translation>
    </message>
    <message>
        <source>Set actual of {0} for {1}</source>
        <translation>{0}の{1}の実績を設定</translation>
    </message>
    <message>
        <source>Clear actual of {0} for {1}</source>
        <translation>{0}の{1}の実績を消去</translation>
    </message>
    <message>
        <source>Clear {0} actuals</source>
        <translation>実績 {0} 件を消去</translation>
    </message>
    <message>
        <source>Paste actuals into {0} cells</source>
        <translation>{0}セルに実績を貼り付け</translation>
    </message>
</context>
<context>
    <name>ActualsTable</name>
    <message>
        <source>Nothing was pasted. </source>
        <translation>貼り付けていません。</translation>
    </message>
    <message>
        <source>The clipboard holds {0:,} characters; a paste takes at most {1:,}.</source>
        <translation>クリップボードの内容は {0:,} 文字です。貼り付けられるのは {1:,} 文字までです。</translation>
    </message>
    <message>
        <source>The clipboard holds {0:,} cells; a paste fills at most {1:,}.</source>
        <translation>クリップボードの内容は {0:,} セルです。貼り付けられるのは {1:,} セルまでです。</translation>
    </message>
    <message>
        <source>The clipboard has {0} rows of {1} cells, but from {2}, {3} the grid has {4} rows and {5} months.</source>
        <translation>クリップボードは {0} 行 × {1} セルですが、{2}、{3} から先の表は {4} 行 × {5} か月です。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Metric</source>
        <extracomment>The columns of ``calc`` (translated in context &quot;Cli&quot; where they are printed).</extracomment>
        <translation>指標</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>転換率／構成比</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差異</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>kpidesk: error: {0}</source>
        <translation>kpidesk: エラー: {0}</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <extracomment>Commands that live in their own module: name -&gt; (module, help); ``module:function`` names another entry point than ``main`` (one module, several commands). What ``kpidesk --help`` says of the commands with more to say than their name.</extracomment>
        <translation>（読み込めません）</translation>
    </message>
    <message>
        <source>no template {0!r}; choose one of: {1}</source>
        <translation>テンプレート {0!r} はありません。次から選んでください: {1}</translation>
    </message>
    <message>
        <source>{0} exists already; use --force to replace it</source>
        <translation>{0} はすでにあります。置き換えるには --force を付けてください</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}</source>
        <translation>{0} に書き込めません: {1}</translation>
    </message>
    <message>
        <source>created {0} from the {1} template</source>
        <translation>テンプレート {1} から {0} を作りました</translation>
    </message>
    <message>
        <source>rate {0} (solved)</source>
        <translation>転換率 {0}（逆算）</translation>
    </message>
    <message>
        <source>rate ? (solve)</source>
        <translation>転換率 ?（逆算）</translation>
    </message>
    <message>
        <source>rate {0}</source>
        <translation>転換率 {0}</translation>
    </message>
    <message>
        <source>share {0}</source>
        <translation>構成比 {0}</translation>
    </message>
    <message>
        <source> (KGI)</source>
        <translation>（KGI）</translation>
    </message>
    <message>
        <source>given</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>算出</translation>
    </message>
    <message>
        <source>{0} on {1} (since {2})</source>
        <extracomment>The fields ``set`` takes (declared in :mod:`kpidesk.model.schema`); a value per period as ``actuals.2026-06`` (see :data:`kpidesk.model.plan.PERIOD_FIELDS`). How often ``set`` reads the plan again when someone else saved it while ``set`` ran.</extracomment>
        <translation>{0}（{1}、{2} から）</translation>
    </message>
    <message>
        <source>, process {0}</source>
        <translation>、プロセス {0}</translation>
    </message>
    <message>
        <source>{0} is open in kpidesk by {1}{2}; it was not changed. Close it there first, or add --force to change it anyway (the window then sees the change)</source>
        <translation>{0} は {1}{2} が kpidesk で開いています。変更していません。先にそちらで閉じるか、それでも変更する場合は --force を付けてください（ウィンドウ側にも変更が反映されます）</translation>
    </message>
    <message>
        <source> (changed by someone else while this ran: the assignments do not apply to their version)</source>
        <translation>（実行中に他の人が変更しました。その版には指定した代入を適用できません）</translation>
    </message>
    <message>
        <source>{0}: {1}; nothing was changed</source>
        <translation>{0}: {1}。何も変更していません</translation>
    </message>
    <message>
        <source>cannot save {0}: {1}; the file was not changed</source>
        <translation>{0} を保存できません: {1}。ファイルは変更していません</translation>
    </message>
    <message>
        <source>kpidesk: warning: {0}</source>
        <translation>kpidesk: 警告: {0}</translation>
    </message>
    <message>
        <source>{0} (was {1}, then {2})</source>
        <translation>{0}（元は {1}、相手の版では {2}）</translation>
    </message>
    <message>
        <source>kpidesk: note: {0} was changed by someone else while this ran; the assignments were applied to their version, replacing their {1}</source>
        <translation>kpidesk: 注意: 実行中に {0} が他の人によって変更されたため、代入は相手の版に適用しました。相手の {1} を置き換えています</translation>
    </message>
    <message>
        <source>kpidesk: note: {0} was changed by someone else while this ran; the assignments were applied to their version</source>
        <translation>kpidesk: 注意: 実行中に {0} が他の人によって変更されたため、代入は相手の版に適用しました</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{0} was saved by others {1} times while this ran; nothing was changed</source>
        <translation>実行中に {0} が他の人によって {1} 回保存されました。何も変更していません</translation>
    </message>
    <message>
        <source>{0} value</source>
        <translation>{0} 件の値</translation>
    </message>
    <message>
        <source>{0} values</source>
        <translation>{0} 件の値</translation>
    </message>
    <message>
        <source>{0} metric</source>
        <translation>{0} 個の指標</translation>
    </message>
    <message>
        <source>{0} metrics</source>
        <translation>{0} 個の指標</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0}〜{1}</translation>
    </message>
    <message>
        <source>{0} changed</source>
        <translation>変更 {0} 件</translation>
    </message>
    <message>
        <source>{0} new</source>
        <translation>新規 {0} 件</translation>
    </message>
    <message>
        <source>{0} as they were</source>
        <translation>変更なし {0} 件</translation>
    </message>
    <message>
        <source>would import {0} for {1}, {2}; {3}</source>
        <translation>取り込み予定: {0}（{1}、{2}）。{3}</translation>
    </message>
    <message>
        <source>imported {0} for {1}, {2}; {3}</source>
        <translation>取り込みました: {0}（{1}、{2}）。{3}</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>{0} を読み込めません: {1}</translation>
    </message>
    <message>
        <source>nothing was imported; {0} was not changed</source>
        <translation>何も取り込んでいません。{0} は変更していません</translation>
    </message>
    <message>
        <source>{0} (dry run: {1} was not changed)</source>
        <translation>{0}（試行のみ: {1} は変更していません）</translation>
    </message>
    <message>
        <source>{0}: {1}; nothing was imported</source>
        <translation>{0}: {1}。何も取り込んでいません</translation>
    </message>
    <message>
        <source>no such file: {0}</source>
        <translation>ファイルがありません: {0}</translation>
    </message>
    <message>
        <source>the window cannot start: {0}</source>
        <translation>ウィンドウを開けません: {0}</translation>
    </message>
    <message>
        <source>{0}: 1 page</source>
        <translation>{0}（1ページ）</translation>
    </message>
    <message>
        <source>{0}: {1} pages</source>
        <translation>{0}（{1}ページ）</translation>
    </message>
    <message>
        <source>kpidesk export: error: {0}</source>
        <translation>kpidesk export: エラー: {0}</translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>Target to date</source>
        <translation>目標（累計）</translation>
    </message>
    <message>
        <source>Actual to date</source>
        <translation>実績（累計）</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>着地見込み</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Rate seen</source>
        <translation>実績の転換率</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>計画の転換率</translation>
    </message>
    <message>
        <source>{0}: as of {1} ({2})</source>
        <translation>{0}：{1}時点、期間 {2}</translation>
    </message>
    <message>
        <source>git is not installed (or not on PATH)</source>
        <translation>git がインストールされていません（または PATH にありません）</translation>
    </message>
    <message>
        <source>not inside a git work tree: run it in the repository, or use --global</source>
        <translation>git の作業ツリーの中ではありません。リポジトリの中で実行するか、--global を付けてください</translation>
    </message>
    <message>
        <source>unchanged: {0}</source>
        <translation>変更なし: {0}</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} に失敗しました: {1}</translation>
    </message>
    <message>
        <source>set: {0}</source>
        <translation>設定: {0}</translation>
    </message>
    <message>
        <source>added to {0}: {1}</source>
        <translation>{0} に追加: {1}</translation>
    </message>
    <message>
        <source>unchanged: {0}: {1}</source>
        <translation>変更なし: {0}: {1}</translation>
    </message>
    <message>
        <source>commit .gitattributes, so that every clone routes plans to kpidesk; each clone still runs `kpidesk git-setup` once (git does not copy drivers)</source>
        <translation>.gitattributes をコミットしてください。どのクローンでもプランが kpidesk に渡るようになります。ただし、各クローンで一度 `kpidesk git-setup` を実行する必要があります（git はドライバーをコピーしません）</translation>
    </message>
    <message>
        <source>cannot run git merge-file: {0}</source>
        <translation>git merge-file を実行できません: {0}</translation>
    </message>
    <message>
        <source>{0}: the plan merge failed ({1}); merging its lines instead</source>
        <translation>{0}: プランのマージに失敗しました（{1}）。代わりに行単位でマージします</translation>
    </message>
    <message>
        <source>{0}: cannot write the merged plan: {1}</source>
        <translation>{0}: マージしたプランを書き込めません: {1}</translation>
    </message>
    <message>
        <source>{0}: conflict: {1}</source>
        <translation>{0}: 競合: {1}</translation>
    </message>
    <message>
        <source>{0}: {1} conflict(s); the file keeps our values there: set the values agreed, then git add it (theirs: {2})</source>
        <translation>{0}: 競合 {1} 件。該当箇所はこちらの値のままです。合意した値を設定してから git add してください（相手の版: {2}）</translation>
    </message>
</context>
<context>
    <name>ClipboardActions</name>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Copy All Metrics as &amp;Table</source>
        <translation>すべての指標を表としてコピー(&amp;T)</translation>
    </message>
    <message>
        <source>The clipboard holds {0:,} characters; a paste takes at most {1:,}.</source>
        <translation>クリップボードには {0:,} 文字あります。貼り付けられるのは {1:,} 文字までです。</translation>
    </message>
    <message>
        <source>The clipboard holds {0:,} cells; a paste fills at most {1:,}.</source>
        <translation>クリップボードには {0:,} セルあります。貼り付けられるのは {1:,} セルまでです。</translation>
    </message>
    <message>
        <source>The clipboard has {0} rows, but only {1} rows are shown from here down.</source>
        <translation>クリップボードには {0} 行ありますが、ここから下に表示されているのは {1} 行だけです。</translation>
    </message>
    <message>
        <source>Nothing was pasted: the {0} column cannot take a value here.</source>
        <translation>貼り付けていません: ここでは「{0}」列に値を入れられません。</translation>
    </message>
    <message>
        <source>next</source>
        <translation>次の</translation>
    </message>
</context>
<context>
    <name>CompareActions</name>
    <message>
        <source>Compare &amp;With</source>
        <translation>比較(&amp;W)</translation>
    </message>
    <message>
        <source>Another Plan &amp;File...</source>
        <translation>別のプランファイル(&amp;F)...</translation>
    </message>
    <message>
        <source>The &amp;Backup of the Last Save (.bak)</source>
        <translation>前回保存時のバックアップ (.bak)(&amp;B)</translation>
    </message>
    <message>
        <source>The Last &amp;Commit (git)</source>
        <translation>最新のコミット (git)(&amp;C)</translation>
    </message>
    <message>
        <source>Clear &amp;Marks</source>
        <translation>比較の印を消去(&amp;M)</translation>
    </message>
    <message>
        <source>Compare With</source>
        <extracomment>The last comparison shown (for tests and for the window&apos;s status bar).</extracomment>
        <translation>比較</translation>
    </message>
    <message>
        <source>kpidesk plans (*.toml);;All files (*)</source>
        <translation>kpidesk のプラン (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>the last commit</source>
        <translation>最新のコミット</translation>
    </message>
    <message>
        <source>From {0} to this window:</source>
        <translation>{0} からこのウィンドウまでの変更:</translation>
    </message>
    <message>
        <source>Compare With {0}</source>
        <translation>{0} と比較</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>&amp;Unit</source>
        <extracomment>The short fields in reading order, three to a row on a wide panel, fewer on a narrow one; the source last and whole. Panel widths from which two and three fields fit side by side.</extracomment>
        <translation>単位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Aim</source>
        <translation>方向(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Made from</source>
        <translation>構成(&amp;M)</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>担当(&amp;W)</translation>
    </message>
    <message>
        <source>Data &amp;source</source>
        <translation>データソース(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>計測頻度(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Definition</source>
        <translation>定義(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Countermeasure</source>
        <translation>対策(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>money</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>パーセント</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>高いほど良い</translation>
    </message>
    <message>
        <source>lower is better (costs)</source>
        <translation>低いほど良い（コスト）</translation>
    </message>
    <message>
        <source>nothing (a leaf)</source>
        <translation>なし（末端）</translation>
    </message>
    <message>
        <source>funnel stage</source>
        <translation>ファネルの段階</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>product</source>
        <translation>積</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>構成比</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>数式</translation>
    </message>
    <message>
        <source>No metric selected</source>
        <translation>指標が選ばれていません</translation>
    </message>
    <message>
        <source>id: {0}</source>
        <translation>ID: {0}</translation>
    </message>
    <message>
        <source>The KGI of this plan.</source>
        <translation>このプランのKGIです。</translation>
    </message>
</context>
<context>
    <name>Diff</name>
    <message>
        <source>{metric}: added under {parent}</source>
        <extracomment>Longest text value shown in a line (the JSON holds all of it).</extracomment>
        <translation>{metric}: {parent}の下に追加</translation>
    </message>
    <message>
        <source>{metric}: added as a top metric</source>
        <translation>{metric}: 最上位の指標として追加</translation>
    </message>
    <message>
        <source>{metric}: removed (was under {parent})</source>
        <translation>{metric}: 削除（{parent}の下にありました）</translation>
    </message>
    <message>
        <source>{metric}: removed (was a top metric)</source>
        <translation>{metric}: 削除（最上位の指標でした）</translation>
    </message>
    <message>
        <source>{old}: renamed to {new}</source>
        <translation>{old}: 名前を{new}に変更</translation>
    </message>
    <message>
        <source>{metric}: moved from under {old} to under {new}</source>
        <translation>{metric}: {old}の下から{new}の下へ移動</translation>
    </message>
    <message>
        <source>{metric}: moved from place {old} to place {new} under {parent}</source>
        <translation>{metric}: {parent}の下で {old} 番目から {new} 番目へ移動</translation>
    </message>
    <message>
        <source>{metric}: {field} {old} -&gt; {new}</source>
        <translation>{metric}: {field} {old} → {new}</translation>
    </message>
    <message>
        <source>{metric}: {field} of {period} {old} -&gt; {new}</source>
        <translation>{metric}: {period}の{field} {old} → {new}</translation>
    </message>
    <message>
        <source>Plan: {field} {old} -&gt; {new}</source>
        <translation>プラン: {field} {old} → {new}</translation>
    </message>
    <message>
        <source>{metric}: {field} {old} -&gt; {new} because {causes}</source>
        <translation>{metric}: {field} {old} → {new}（理由: {causes}）</translation>
    </message>
    <message>
        <source>the {field} of {metric} went {old} -&gt; {new}</source>
        <translation>{metric}の{field}が {old} → {new}</translation>
    </message>
    <message>
        <source>{metric} was added</source>
        <translation>{metric}の追加</translation>
    </message>
    <message>
        <source>{metric} was removed</source>
        <translation>{metric}の削除</translation>
    </message>
    <message>
        <source>{metric} was moved</source>
        <translation>{metric}の移動</translation>
    </message>
    <message>
        <source>the plan&apos;s {field} went {old} -&gt; {new}</source>
        <translation>プランの{field}が {old} → {new}</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first}、{last}</translation>
    </message>
    <message>
        <source>The plans are the same.</source>
        <translation>プランに違いはありません。</translation>
    </message>
    <message>
        <source>Effects:</source>
        <translation>影響:</translation>
    </message>
    <message>
        <source>{metric}, {field}: changed on both sides: ours {ours}, theirs {theirs} (was {base})</source>
        <translation>{metric}、{field}: 両方で変更されています: こちら {ours}、相手 {theirs}（元は {base}）</translation>
    </message>
    <message>
        <source>{metric}, {field}: added on both sides with different values: ours {ours}, theirs {theirs}</source>
        <translation>{metric}、{field}: 両方で異なる値が追加されています: こちら {ours}、相手 {theirs}</translation>
    </message>
    <message>
        <source>{metric}: deleted on our side, changed on theirs ({field} {base} -&gt; {theirs})</source>
        <translation>{metric}: こちらで削除、相手の版で変更（{field} {base} → {theirs}）</translation>
    </message>
    <message>
        <source>{metric}: deleted on their side, changed on ours ({field} {base} -&gt; {ours})</source>
        <translation>{metric}: 相手の版で削除、こちらで変更（{field} {base} → {ours}）</translation>
    </message>
    <message>
        <source>{metric}: their side puts it under {theirs}, which our side deleted</source>
        <translation>{metric}: 相手の版では{theirs}の下にありますが、その指標はこちらで削除されています</translation>
    </message>
    <message>
        <source>{metric}: deleted on their side, but our side has {ours} below it</source>
        <translation>{metric}: 相手の版で削除されましたが、こちらではその下に{ours}があります</translation>
    </message>
    <message>
        <source>{metric}, {field}: their {theirs} cannot be applied: {reason}</source>
        <translation>{metric}、{field}: 相手の値 {theirs} を適用できません: {reason}</translation>
    </message>
    <message>
        <source>Plan, {field}: changed on both sides: ours {ours}, theirs {theirs} (was {base})</source>
        <translation>プラン、{field}: 両方で変更されています: こちら {ours}、相手 {theirs}（元は {base}）</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>Words for what has no value, and for the derived values an effect names.</extracomment>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>算出</translation>
    </message>
    <message>
        <source>the top</source>
        <translation>最上位</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>solved rate</source>
        <translation>逆算した転換率</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>差異</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>phasing weight</source>
        <translation>期間配分の重み</translation>
    </message>
    <message>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>end</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>KGI</source>
        <translation>KGI</translation>
    </message>
    <message>
        <source>on-track threshold</source>
        <translation>順調の基準</translation>
    </message>
    <message>
        <source>behind threshold</source>
        <translation>遅れの基準</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>{0} (on disk)</source>
        <translation>{0}（ディスク上）</translation>
    </message>
    <message>
        <source>{0} (in this window)</source>
        <translation>{0}（このウィンドウ）</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差分</translation>
    </message>
    <message>
        <source>The texts are the same.</source>
        <translation>内容は同じです。</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>No metric has the id {0}.</source>
        <translation>ID {0} の指標はありません。</translation>
    </message>
    <message>
        <source>Set target of {0}</source>
        <translation>{0}の目標を設定</translation>
    </message>
    <message>
        <source>Set actual of {0}</source>
        <translation>{0}の実績を設定</translation>
    </message>
    <message>
        <source>Set rate of {0}</source>
        <translation>{0}の転換率を設定</translation>
    </message>
    <message>
        <source>Set share of {0}</source>
        <translation>{0}の構成比を設定</translation>
    </message>
    <message>
        <source>Clear target of {0}</source>
        <translation>{0}の目標を消去</translation>
    </message>
    <message>
        <source>Clear actual of {0}</source>
        <translation>{0}の実績を消去</translation>
    </message>
    <message>
        <source>Clear rate of {0}</source>
        <translation>{0}の転換率を消去</translation>
    </message>
    <message>
        <source>Clear share of {0}</source>
        <translation>{0}の構成比を消去</translation>
    </message>
    <message>
        <source>Clear unit of {0}</source>
        <translation>{0}の単位を消去</translation>
    </message>
    <message>
        <source>{0} cannot be cleared.</source>
        <translation>{0}は消去できません。</translation>
    </message>
    <message>
        <source>{0} is the top of its tree: it has no rate to solve.</source>
        <translation>{0}はツリーの最上位です。逆算する転換率はありません。</translation>
    </message>
    <message>
        <source>{0} has no rate to {1} to solve: only a funnel stage or a part of a sum has one.</source>
        <translation>{0}には逆算する{1}への転換率がありません。転換率があるのはファネルの段階か合計の内訳だけです。</translation>
    </message>
    <message>
        <source>Solve rate of {0}</source>
        <translation>{0}の転換率を逆算</translation>
    </message>
    <message>
        <source>No rate from {0} to {1} meets the goal. {2}</source>
        <translation>{0}から{1}へのどの転換率でも目標に届きません。{2}</translation>
    </message>
    <message>
        <source>Warning: the goal needs {0} of {1} to become {2}, more than 100 %: raise {1}.</source>
        <translation>警告: 目標には{1}の {0} が{2}になる必要があり、100 % を超えます。{1}を増やしてください。</translation>
    </message>
    <message>
        <source>Warning: the goal needs a rate of {0} from {1} to {2}, above the {3} the plan had.</source>
        <translation>警告: 目標には{1}から{2}への転換率 {0} が必要で、プランにあった {3} を上回ります。</translation>
    </message>
    <message>
        <source>Solved: a rate of {0} from {1} to {2} meets the goal (the plan had {3}).</source>
        <translation>逆算しました: {1}から{2}への転換率 {0} で目標を達成します（プランでは {3}）。</translation>
    </message>
    <message>
        <source>Solved: a rate of {0} from {1} to {2} meets the goal.</source>
        <translation>逆算しました: {1}から{2}への転換率 {0} で目標を達成します。</translation>
    </message>
    <message>
        <source>Nothing was pasted. {0}</source>
        <translation>貼り付けていません。{0}</translation>
    </message>
    <message>
        <source>Paste into {0} cells</source>
        <translation>{0}セルに貼り付け</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Set actuals of {0}</source>
        <translation>{0}の期間ごとの実績を設定</translation>
    </message>
    <message>
        <source>Edit {0} of {1}</source>
        <translation>{1}の{0}を編集</translation>
    </message>
    <message>
        <source>Rename {0}</source>
        <translation>{0}の名前を変更</translation>
    </message>
    <message>
        <source>Make {0} the KGI</source>
        <translation>{0}をKGIにする</translation>
    </message>
    <message>
        <source>Edit plan properties</source>
        <translation>プランのプロパティを編集</translation>
    </message>
    <message>
        <source>New metric</source>
        <translation>新しい指標</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0}を追加</translation>
    </message>
    <message>
        <source>Add {0} as a stage before {1}</source>
        <translation>{0}を{1}の前の段階として追加</translation>
    </message>
    <message>
        <source>Add {0} as a source of {1}</source>
        <translation>{0}を{1}の流入元として追加</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>{0}を削除</translation>
    </message>
    <message>
        <source>Deleted {0}. Undo brings it back.</source>
        <translation>{0}を削除しました。元に戻すで戻せます。</translation>
    </message>
    <message>
        <source>Deleted {0} and the {1} metrics below it. Undo brings them back.</source>
        <translation>{0}とその下の {1} 個の指標を削除しました。元に戻すで戻せます。</translation>
    </message>
    <message>
        <source>Deleted {0} and the metric below it. Undo brings them back.</source>
        <translation>{0}とその下の指標を削除しました。元に戻すで戻せます。</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>目標 {0}</translation>
    </message>
    <message>
        <source>rate {0}</source>
        <translation>転換率 {0}</translation>
    </message>
    <message>
        <source>share {0}</source>
        <translation>構成比 {0}</translation>
    </message>
    <message>
        <source>actual {0}</source>
        <translation>実績 {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>{0}を移動</translation>
    </message>
    <message>
        <source>{0} is made of the metrics below it, so it cannot go between {1} and its stage {2}; it can be another source of {1}.</source>
        <translation>{0}は下の指標から構成されているため、{1}とその段階{2}の間には入れられません。{1}の別の流入元にはできます。</translation>
    </message>
    <message>
        <source>Move {0} in as a stage before {1}</source>
        <translation>{0}を{1}の前の段階として移動</translation>
    </message>
    <message>
        <source>Move {0} in as a source of {1}</source>
        <translation>{0}を{1}の流入元として移動</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <extracomment>What a new metric under a funnel stage that has its stage is meant to be (see ``ask_funnel``).</extracomment>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Cl&amp;ear Cell</source>
        <translation>セルを消去(&amp;E)</translation>
    </message>
    <message>
        <source>So&amp;lve This Rate</source>
        <translation>この転換率を逆算(&amp;L)</translation>
    </message>
    <message>
        <source>Goal seek: the rate of this row becomes the one that meets the goal</source>
        <translation>ゴールシーク: この行の転換率を、目標を達成する値にします</translation>
    </message>
    <message>
        <source>Add C&amp;hild</source>
        <translation>子の指標を追加(&amp;H)</translation>
    </message>
    <message>
        <source>Add &amp;Sibling</source>
        <translation>同じ階層に指標を追加(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>名前を変更(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Metric</source>
        <translation>指標を削除(&amp;D)</translation>
    </message>
    <message>
        <source>Mo&amp;ve Up</source>
        <translation>上へ移動(&amp;V)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下へ移動(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Indent (Make Child of the Metric Above)</source>
        <translation>字下げ（上の指標の子にする）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>字下げを戻す(&amp;O)</translation>
    </message>
    <message>
        <source>Make the &amp;KGI</source>
        <translation>KGIにする(&amp;K)</translation>
    </message>
    <message>
        <source>A metric needs a name; Ctrl+Del deletes {0}.</source>
        <extracomment>Rename opens the editor; the window sets this to a function that does. The field of the current cell (&quot;target&quot;, &quot;rate&quot;...; None on a calculated cell); set by the window. The metric the cursor was on before the last Add (Esc on the untouched new row returns there).</extracomment>
        <translation>指標には名前が必要です。{0}を削除するには Ctrl+Del を押します。</translation>
    </message>
    <message>
        <source>This cell is calculated: there is nothing to clear.</source>
        <translation>このセルは計算値です。消去するものはありません。</translation>
    </message>
    <message>
        <source>Add to a Funnel</source>
        <translation>ファネルに追加</translation>
    </message>
    <message>
        <source>{0} is a funnel stage: {1} is the stage before it. What is the new metric?</source>
        <translation>{0}はファネルの段階で、{1}がその前の段階です。新しい指標は何ですか？</translation>
    </message>
    <message>
        <source>A new stage goes between {1} and {0}. Its rate starts at 100 %, so every number stays as it is until you type its rate.

Another source makes {0} the sum of {1} (at its rate) and the new source, which starts at 0.</source>
        <translation>新しい段階は{1}と{0}の間に入ります。転換率は 100 % から始まるので、転換率を入力するまで数値は変わりません。

別の流入元にすると、{0}は{1}（その転換率で）と新しい流入元の合計になります。新しい流入元は 0 から始まります。</translation>
    </message>
    <message>
        <source>Move into a Funnel</source>
        <translation>ファネルへの移動</translation>
    </message>
    <message>
        <source>{0} is a funnel stage: {1} is the stage before it. What is {2} to be?</source>
        <translation>{0}はファネルの段階で、{1}がその前の段階です。{2}をどう扱いますか？</translation>
    </message>
    <message>
        <source>As a new stage, {2} goes between {1} and {0}, with {1} below it. Its rate starts at 100 %, so no number moves until you type its rate.

As another source, {0} becomes the sum of {1} (at its rate) and {2}, which starts at 0 unless it has a target.</source>
        <translation>新しい段階にすると、{2}は{1}と{0}の間に入り、{1}がその下になります。転換率は 100 % から始まるので、転換率を入力するまで数値は変わりません。

別の流入元にすると、{0}は{1}（その転換率での値）と、目標がなければ 0 から始まる{2}の合計になります。</translation>
    </message>
    <message>
        <source>{2} is made of the metrics below it, so it can only be another source.</source>
        <translation>{2}は下の指標から構成されているため、別の流入元にしかできません。</translation>
    </message>
    <message>
        <source>A New &amp;Stage</source>
        <translation>新しい段階(&amp;S)</translation>
    </message>
    <message>
        <source>Another S&amp;ource of {0}</source>
        <translation>{0}の別の流入元(&amp;O)</translation>
    </message>
    <message>
        <source>Delete {0} and the metric below it ({1})?</source>
        <translation>{0}とその下の指標（{1}）を削除しますか？</translation>
    </message>
    <message>
        <source>Delete {0} and the {2} metrics below it ({1})?</source>
        <translation>{0}とその下の {2} 個の指標（{1}）を削除しますか？</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>{0}を削除しますか？</translation>
    </message>
    <message>
        <source>Values you gave go with it:</source>
        <translation>入力した値も一緒に消えます:</translation>
    </message>
    <message>
        <source>Delete Metric</source>
        <translation>指標を削除</translation>
    </message>
</context>
<context>
    <name>EditErrors</name>
    <message>
        <source>{name}, {field}: {reason}</source>
        <extracomment>code -&gt; English template of what an edit, an override or ``kpidesk set`` refuses (context &quot;EditErrors&quot;).</extracomment>
        <translation>{name}、{field}: {reason}</translation>
    </message>
    <message>
        <source>{name}, {where} {value}: {reason}</source>
        <translation>{name}、{where} {value}: {reason}</translation>
    </message>
    <message>
        <source>{name}, {field} {value}: refused, because its {where} is {other} and {reason}</source>
        <translation>{name}、{field} {value}: 受け付けません。{where} が {other} で、{reason}</translation>
    </message>
    <message>
        <source>{override}: {reason}</source>
        <translation>{override}: {reason}</translation>
    </message>
    <message>
        <source>{assignment!r}: {reason}</source>
        <translation>{assignment!r}: {reason}</translation>
    </message>
    <message>
        <source>The id {id!r} is already used by another metric.</source>
        <translation>ID {id!r} はすでに別の指標で使われています。</translation>
    </message>
    <message>
        <source>A plan holds at most {limit:,} metrics.</source>
        <translation>1つのプランに入る指標は {limit:,} 個までです。</translation>
    </message>
    <message>
        <source>The parent {parent!r} is not in this plan.</source>
        <translation>親 {parent!r} はこのプランにありません。</translation>
    </message>
    <message>
        <source>The tree would be deeper than {limit} levels.</source>
        <translation>ツリーが {limit} 階層より深くなってしまいます。</translation>
    </message>
    <message>
        <source>{name} is the only top metric: a plan needs at least one goal.</source>
        <translation>{name}は唯一の最上位の指標です。プランには目標が少なくとも1つ必要です。</translation>
    </message>
    <message>
        <source>{name} cannot move below itself.</source>
        <translation>{name}を自分自身の下には移動できません。</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: the formula of {readers} reads {reads}. Change that formula first.</source>
        <translation>{name}は削除できません。{readers}の数式が{reads}を参照しています。先にその数式を変更してください。</translation>
    </message>
    <message>
        <source>The plan has no field {field!r}.</source>
        <translation>プランに項目 {field!r} はありません。</translation>
    </message>
    <message>
        <source>No metric has the id {id!r}.</source>
        <translation>ID {id!r} の指標はありません。</translation>
    </message>
    <message>
        <source>The {field} is longer than {limit:,} characters.</source>
        <translation>{field} が {limit:,} 文字を超えています。</translation>
    </message>
    <message>
        <source>A metric has no field {field!r}.</source>
        <translation>指標に項目 {field!r} はありません。</translation>
    </message>
    <message>
        <source>A metric has no values by period in {field!r}; those are in: {fields}.</source>
        <translation>指標の {field!r} には期間ごとの値はありません。期間ごとの値があるのは {fields} です。</translation>
    </message>
    <message>
        <source>the formula refers to {ids}, which is not another metric of this plan.</source>
        <translation>数式が {ids} を参照していますが、このプランの別の指標ではありません。</translation>
    </message>
    <message>
        <source>no metric has the id {id!r}.</source>
        <translation>ID {id!r} の指標はありません。</translation>
    </message>
    <message>
        <source>only {fields} can be varied.</source>
        <translation>変えられるのは {fields} だけです。</translation>
    </message>
    <message>
        <source>expected a number, found {found}.</source>
        <translation>数値が必要ですが、{found}でした。</translation>
    </message>
    <message>
        <source>a rate or share is between 0 and 100 %.</source>
        <translation>転換率と構成比は 0 〜 100 % です。</translation>
    </message>
    <message>
        <source>write ID.FIELD=VALUE, for example visits.rate=10%</source>
        <translation>ID.項目=値 の形で書いてください（例: visits.rate=10%）</translation>
    </message>
    <message>
        <source>no metric has the id {id!r}</source>
        <translation>ID {id!r} の指標はありません</translation>
    </message>
    <message>
        <source>cannot set {field!r}; settable fields: {fields}</source>
        <translation>{field!r} は設定できません。設定できる項目: {fields}</translation>
    </message>
    <message>
        <source>name the period: {field}.2026-06=VALUE (a month) or {field}.2026-W15=VALUE (an ISO week)</source>
        <translation>期間を指定してください: {field}.2026-06=値（月）または {field}.2026-W15=値（ISO 週）</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>Given by you.</source>
        <extracomment>Why a derived target is what it is (:mod:`kpidesk.model.explain`), context &quot;Explain&quot;.</extracomment>
        <translation>入力値です。</translation>
    </message>
    <message>
        <source>= {formula}</source>
        <translation>= {formula}</translation>
    </message>
    <message>
        <source>= {amount} ({parent}) x {share}</source>
        <translation>= {amount}（{parent}）× {share}</translation>
    </message>
    <message>
        <source>= {amount} ({parent}) x {share}, rounded up</source>
        <translation>= {amount}（{parent}）× {share}、切り上げ</translation>
    </message>
    <message>
        <source>= {amount} ({parent}) / {rate}</source>
        <translation>= {amount}（{parent}）÷ {rate}</translation>
    </message>
    <message>
        <source>= {amount} ({parent}) / {rate}, rounded up</source>
        <translation>= {amount}（{parent}）÷ {rate}、切り上げ</translation>
    </message>
    <message>
        <source>= ({amount} ({parent}) less the other parts) / {rate}</source>
        <translation>=（{amount}（{parent}）− 他の内訳）÷ {rate}</translation>
    </message>
    <message>
        <source>= ({amount} ({parent}) less the other parts) / {rate}, rounded up</source>
        <translation>=（{amount}（{parent}）− 他の内訳）÷ {rate}、切り上げ</translation>
    </message>
    <message>
        <source>= {amount} ({parent}) / the other factors</source>
        <translation>= {amount}（{parent}）÷ 他の要素</translation>
    </message>
    <message>
        <source>= {amount} ({parent}) / the other factors, rounded up</source>
        <translation>= {amount}（{parent}）÷ 他の要素、切り上げ</translation>
    </message>
    <message>
        <source>Calculated from the metrics below ({relation}).</source>
        <translation>下の指標から計算しています（{relation}）。</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Parameters that hold a metric id (shown as the metric&apos;s name) or a tuple of ids. Parameters that hold a fraction shown as a percentage. Parameters that hold an amount of the finding&apos;s metric (or of the metric named by ``of``). Parameters shown as a signed number (+5, -8). How a metric is made, as a ``relation`` parameter says it (the words of the file, translated in &quot;Explain&quot;).</extracomment>
        <translation>なし</translation>
    </message>
    <message>
        <source>funnel</source>
        <translation>ファネル</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>product</source>
        <translation>積</translation>
    </message>
    <message>
        <source>share</source>
        <translation>構成比</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>数式</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Id</source>
        <extracomment>The text of ``rate`` that asks kpidesk to find the rate (goal seek). Whether ``kpidesk set FILE ID.FIELD=VALUE`` sets it. A long text that may hold line breaks and tabs (notes); names and other texts are one line. Every field, in the order a new ``[[metric]]`` table writes its keys (the sub-tables ``phasing`` and ``actuals`` last).</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>親</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Negative values allowed</source>
        <translation>負の値を許可</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>転換率</translation>
    </message>
    <message>
        <source>Lag (periods)</source>
        <translation>ラグ（期間数）</translation>
    </message>
    <message>
        <source>Solve the rate</source>
        <translation>転換率を逆算</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>構成比</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>数式</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>データソース</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>計測頻度</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定義</translation>
    </message>
    <message>
        <source>Countermeasure</source>
        <translation>対策</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Phasing weights</source>
        <translation>期間配分の重み</translation>
    </message>
    <message>
        <source>Actuals by period</source>
        <translation>期間ごとの実績</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;New...</source>
        <extracomment>Called with the target path before every save; any False cancels it (file guard hooks here). Called with the path before a plan is opened; any False cancels it (the lock question).</extracomment>
        <translation>新規作成(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>開く(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプランを開く(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>名前を付けて保存(&amp;A)...</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>保存した状態に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>保存していない変更</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>{0} への変更を保存しますか？</translation>
    </message>
    <message>
        <source>Empty plan</source>
        <translation>空のプラン</translation>
    </message>
    <message>
        <source>{0} (template {1})</source>
        <translation>{0}（テンプレート {1}）</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>新しいプラン</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>始め方:</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>プランを開く</translation>
    </message>
    <message>
        <source>kpidesk plans (*.toml);;All files (*)</source>
        <translation>kpidesk のプラン (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open the plan</source>
        <extracomment>Set to quit as soon as the window has painted (&quot;1&quot;) or the funnel graph is up (&quot;funnel&quot;): for benchmarks.</extracomment>
        <translation>プランを開けません</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>名前を付けてプランを保存</translation>
    </message>
    <message>
        <source>kpidesk plans (*.toml)</source>
        <translation>kpidesk のプラン (*.toml)</translation>
    </message>
    <message>
        <source>Cannot save the plan</source>
        <translation>プランを保存できません</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <source>Revert to Saved</source>
        <translation>保存した状態に戻す</translation>
    </message>
    <message>
        <source>Drop every change since {0} was saved?</source>
        <translation>{0} を保存してからの変更をすべて破棄しますか？</translation>
    </message>
    <message>
        <source>No recent plans</source>
        <translation>最近使ったプランはありません</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>一覧を消去</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>metric {metric!r}: {reason}</source>
        <extracomment>code -&gt; English template of what reading a plan file or a value can refuse (context &quot;FileErrors&quot;). A template with ``{reason}`` is a phrase that places another reason (``Reason.inside``). ``{id!r}`` quotes a text as Python does (&apos;leads&apos;); ``{limit:,}`` groups thousands.</extracomment>
        <translation>指標 {metric!r}: {reason}</translation>
    </message>
    <message>
        <source>metric {metric!r}, {key}: {reason}</source>
        <translation>指標 {metric!r}、{key}: {reason}</translation>
    </message>
    <message>
        <source>metric {metric!r}, {key}: {reason} ({value})</source>
        <translation>指標 {metric!r}、{key}: {reason}（{value}）</translation>
    </message>
    <message>
        <source>plan.{key}: {reason}</source>
        <translation>plan.{key}: {reason}</translation>
    </message>
    <message>
        <source>{period}: {reason}</source>
        <translation>{period}: {reason}</translation>
    </message>
    <message>
        <source>the formula is not valid: {reason}</source>
        <translation>数式が正しくありません: {reason}</translation>
    </message>
    <message>
        <source>the number at column {column}: {reason}</source>
        <translation>{column} 文字目の数値: {reason}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>this is a folder, not a plan file</source>
        <translation>これはフォルダーで、プランのファイルではありません</translation>
    </message>
    <message>
        <source>cannot read the file: {detail}</source>
        <translation>ファイルを読み込めません: {detail}</translation>
    </message>
    <message>
        <source>the file is {size:,} bytes, over the limit of {limit:,}</source>
        <translation>ファイルが {size:,} バイトで、上限の {limit:,} を超えています</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>ファイルが UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>the text is {size:,} characters, over the limit of {limit:,}</source>
        <translation>テキストが {size:,} 文字で、上限の {limit:,} を超えています</translation>
    </message>
    <message>
        <source>a key with more than {limit} dotted parts; a plan needs at most 3 (metric.actuals.X)</source>
        <translation>ドットで区切った部分が {limit} を超えるキーがあります。プランに必要なのは 3 つまでです（metric.actuals.X）</translation>
    </message>
    <message>
        <source>brackets nested more than {limit} levels deep (the limit)</source>
        <translation>括弧の入れ子が {limit} 段（上限）を超えています</translation>
    </message>
    <message>
        <source>not valid TOML: {detail}</source>
        <translation>正しい TOML ではありません: {detail}</translation>
    </message>
    <message>
        <source>not valid TOML: nested more than {limit} levels deep (the limit)</source>
        <translation>正しい TOML ではありません: 入れ子が {limit} 段（上限）を超えています</translation>
    </message>
    <message>
        <source>a number out of any range: more digits or a larger exponent than a number holds (the limit is {limit:,})</source>
        <translation>範囲外の数値です: 数値が持てるより桁数か指数が大きすぎます（上限は {limit:,}）</translation>
    </message>
    <message>
        <source>format_version must be text such as &quot;1.0&quot;</source>
        <translation>format_version は &quot;1.0&quot; のようなテキストにしてください</translation>
    </message>
    <message>
        <source>this plan uses format {version}, newer than this kpidesk reads ({supported}); update kpidesk to open it</source>
        <translation>このプランは形式 {version} で、この kpidesk が読める形式（{supported}）より新しいものです。開くには kpidesk を更新してください</translation>
    </message>
    <message>
        <source>plan must be a table: [plan]</source>
        <translation>plan はテーブルにしてください: [plan]</translation>
    </message>
    <message>
        <source>metric must be an array of tables: [[metric]]</source>
        <translation>metric はテーブルの配列にしてください: [[metric]]</translation>
    </message>
    <message>
        <source>the plan has no metrics: add a [[metric]] table for the root (the goal)</source>
        <translation>プランに指標がありません。最上位（目標）の [[metric]] テーブルを追加してください</translation>
    </message>
    <message>
        <source>the plan has {count:,} metrics, over the limit of {limit:,}</source>
        <translation>プランの指標が {count:,} 個で、上限の {limit:,} を超えています</translation>
    </message>
    <message>
        <source>each metric must be a table: [[metric]]</source>
        <translation>指標はそれぞれテーブルにしてください: [[metric]]</translation>
    </message>
    <message>
        <source>metric id missing: an id is required, made of letters, digits and _ (not starting with a digit, at most {limit} characters)</source>
        <translation>指標の ID がありません。ID は必須で、英字、数字、_ からなり（数字で始めず、{limit} 文字まで）ます</translation>
    </message>
    <message>
        <source>metric id {id!r}: an id is required, made of letters, digits and _ (not starting with a digit, at most {limit} characters)</source>
        <translation>指標の ID {id!r}: ID は必須で、英字、数字、_ からなり（数字で始めず、{limit} 文字まで）ます</translation>
    </message>
    <message>
        <source>duplicate id {id!r} (first used at line {first_line})</source>
        <translation>ID {id!r} が重複しています（最初は {first_line} 行目）</translation>
    </message>
    <message>
        <source>parent: expected the id of another metric in quotes</source>
        <translation>parent: 別の指標の ID を引用符で囲んで書いてください</translation>
    </message>
    <message>
        <source>parent {parent!r} is not the id of any metric</source>
        <translation>親 {parent!r} はどの指標の ID でもありません</translation>
    </message>
    <message>
        <source>metric {metric!r} is its own parent</source>
        <translation>指標 {metric!r} が自分自身の親になっています</translation>
    </message>
    <message>
        <source>the parents form a cycle: {cycle}</source>
        <translation>親のつながりが循環しています: {cycle}</translation>
    </message>
    <message>
        <source>the plan has no root: one metric must have no parent</source>
        <translation>プランに最上位がありません。親のない指標が1つ必要です</translation>
    </message>
    <message>
        <source>the tree is deeper than the limit of {limit} levels</source>
        <translation>ツリーが上限の {limit} 階層より深くなっています</translation>
    </message>
    <message>
        <source>{id!r} is not the id of any metric</source>
        <translation>{id!r} はどの指標の ID でもありません</translation>
    </message>
    <message>
        <source>{ids} is not another metric of this plan</source>
        <translation>{ids} はこのプランの別の指標ではありません</translation>
    </message>
    <message>
        <source>expected text in quotes</source>
        <translation>引用符で囲んだテキストが必要です</translation>
    </message>
    <message>
        <source>expected text in quotes, found {found}</source>
        <translation>引用符で囲んだテキストが必要ですが、{found}でした</translation>
    </message>
    <message>
        <source>longer than {limit:,} characters</source>
        <translation>{limit:,} 文字を超えています</translation>
    </message>
    <message>
        <source>{character} is not allowed in a name or another one-line text (no control characters)</source>
        <translation>{character} は名前などの1行のテキストには使えません（制御文字は使えません）</translation>
    </message>
    <message>
        <source>{character} is not allowed in a text (of the control characters, only line breaks and tabs are)</source>
        <translation>{character} はテキストに使えません（制御文字で使えるのは改行とタブだけです）</translation>
    </message>
    <message>
        <source>expected a date such as 2026-04-01</source>
        <translation>2026-04-01 のような日付が必要です</translation>
    </message>
    <message>
        <source>a name (text in quotes) is required</source>
        <translation>名前（引用符で囲んだテキスト）が必要です</translation>
    </message>
    <message>
        <source>a metric needs a name</source>
        <translation>指標には名前が必要です</translation>
    </message>
    <message>
        <source>{text!r} is not one of: {choices}</source>
        <translation>{text!r} は次のどれでもありません: {choices}</translation>
    </message>
    <message>
        <source>expected true or false, found {found}</source>
        <translation>true か false が必要ですが、{found}でした</translation>
    </message>
    <message>
        <source>{text!r} is not true or false</source>
        <translation>{text!r} は true でも false でもありません</translation>
    </message>
    <message>
        <source>expected a number, found {found}</source>
        <translation>数値が必要ですが、{found}でした</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>数値が必要です</translation>
    </message>
    <message>
        <source>expected a table of period = value, such as [metric.actuals]</source>
        <translation>期間 = 値 のテーブルが必要です（例: [metric.actuals]）</translation>
    </message>
    <message>
        <source>{period!r} is not a period: write a month as 2026-04 or an ISO week as 2026-W15</source>
        <translation>{period!r} は期間ではありません。月は 2026-04、ISO 週は 2026-W15 のように書いてください</translation>
    </message>
    <message>
        <source>{period!r}: a month is 1 to 12</source>
        <translation>{period!r}: 月は 1 〜 12 です</translation>
    </message>
    <message>
        <source>{period!r}: that year has no such ISO week</source>
        <translation>{period!r}: その年にはその ISO 週がありません</translation>
    </message>
    <message>
        <source>write the period as {key!r}</source>
        <translation>期間は {key!r} と書いてください</translation>
    </message>
    <message>
        <source>a phasing weight cannot be negative</source>
        <translation>期間配分の重みは負にできません</translation>
    </message>
    <message>
        <source>a lag is a whole number of periods, not {found}</source>
        <translation>ラグは期間数を表す整数です（{found}ではありません）</translation>
    </message>
    <message>
        <source>a lag is 0 to {limit} periods</source>
        <translation>ラグは 0 〜 {limit} 期間です</translation>
    </message>
    <message>
        <source>{text!r} is not a percentage between 0 and 100% (such as &quot;95%&quot;)</source>
        <translation>{text!r} は 0 〜 100% のパーセントではありません（例: &quot;95%&quot;）</translation>
    </message>
    <message>
        <source>a share of 0 % is refused: the parent cannot be calculated back from a part that is 0 % of it (leave the share out, or remove the part)</source>
        <translation>構成比 0 % は受け付けません: 0 % の内訳からは親を逆算できません（構成比を書かないか、内訳を削除してください）</translation>
    </message>
    <message>
        <source>{field} is not an input of a metric</source>
        <translation>{field} は指標の入力項目ではありません</translation>
    </message>
    <message>
        <source>a count cannot be negative unless the metric allows it (allow_negative = true)</source>
        <translation>件数は負にできません（指標で許可した場合を除く: allow_negative = true）</translation>
    </message>
    <message>
        <source>money cannot be negative unless the metric allows it (allow_negative = true)</source>
        <translation>金額は負にできません（指標で許可した場合を除く: allow_negative = true）</translation>
    </message>
    <message>
        <source>a count must be a whole number</source>
        <translation>件数は整数にしてください</translation>
    </message>
    <message>
        <source>expected a finite number, found nan or infinity</source>
        <translation>有限の数値が必要ですが、nan か無限大でした</translation>
    </message>
    <message>
        <source>{text!r} is not a number</source>
        <translation>{text!r} は数値ではありません</translation>
    </message>
    <message>
        <source>the number is longer than {limit} characters</source>
        <translation>数値が {limit} 文字を超えています</translation>
    </message>
    <message>
        <source>{text!r} is out of range (at most {limit:,}, at most {places} decimal places)</source>
        <translation>{text!r} は範囲外です（{limit:,} まで、小数点以下 {places} 桁まで）</translation>
    </message>
    <message>
        <source>{number} is too large (the limit is {limit:,})</source>
        <translation>{number} は大きすぎます（上限は {limit:,}）</translation>
    </message>
    <message>
        <source>{number} has {places:,} decimal places; at most {limit} are kept</source>
        <translation>{number} は小数点以下 {places:,} 桁あります。保持できるのは {limit} 桁までです</translation>
    </message>
    <message>
        <source>{number} has {digits} significant digits; at most {limit} are kept</source>
        <translation>{number} は有効数字が {digits} 桁あります。保持できるのは {limit} 桁までです</translation>
    </message>
    <message>
        <source>{number} has {places:,} decimals; a percentage has at most {limit}</source>
        <translation>{number} は小数点以下 {places:,} 桁あります。パーセントは {limit} 桁までです</translation>
    </message>
    <message>
        <source>rate {number} is outside 0-100 %</source>
        <translation>転換率 {number} が 0 〜 100 % の範囲外です</translation>
    </message>
    <message>
        <source>rate {number} is outside 0-100 %; write {number}% for a percentage</source>
        <translation>転換率 {number} が 0 〜 100 % の範囲外です。パーセントなら {number}% と書いてください</translation>
    </message>
    <message>
        <source>the formula is longer than {limit} characters</source>
        <translation>数式が {limit} 文字を超えています</translation>
    </message>
    <message>
        <source>the formula is empty</source>
        <translation>数式が空です</translation>
    </message>
    <message>
        <source>unexpected character {character!r} at column {column}</source>
        <translation>{column} 文字目に予期しない文字 {character!r} があります</translation>
    </message>
    <message>
        <source>unexpected {token!r} at column {column}</source>
        <translation>{column} 文字目に予期しない {token!r} があります</translation>
    </message>
    <message>
        <source>the formula ends too early</source>
        <translation>数式が途中で終わっています</translation>
    </message>
    <message>
        <source>a &apos;(&apos; is not closed</source>
        <translation>&apos;(&apos; が閉じていません</translation>
    </message>
    <message>
        <source>signs and parentheses nest deeper than {limit} levels at column {column}</source>
        <translation>{column} 文字目で符号と括弧の入れ子が {limit} 段を超えています</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>true/false</source>
        <extracomment>What a ``found`` parameter names (:func:`kpidesk.model.reasons.kind_of`); other values are type names.</extracomment>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a binary float (inexact: give a Decimal)</source>
        <translation>2進の浮動小数点数（不正確です。Decimal を渡してください）</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>何もなし</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>a time of day</source>
        <translation>時刻</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>Unsaved changes could not be kept for recovery: {0}</source>
        <translation>保存していない変更を復元用に残せませんでした: {0}</translation>
    </message>
    <message>
        <source>{0} was changed by another program.</source>
        <translation>{0} が別のプログラムで変更されました。</translation>
    </message>
    <message>
        <source>You have unsaved changes. Reload the file and lose them?</source>
        <translation>保存していない変更があります。ファイルを読み込み直して変更を破棄しますか？</translation>
    </message>
    <message>
        <source>Reload it to see the new version?</source>
        <translation>読み込み直して新しい版を表示しますか？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>読み込み直す</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>自分の版を残す</translation>
    </message>
    <message>
        <source>Show differences</source>
        <translation>差分を表示</translation>
    </message>
    <message>
        <source>{0} was changed by another program since you opened it.</source>
        <translation>{0} は開いてから別のプログラムで変更されています。</translation>
    </message>
    <message>
        <source>Saving replaces their changes with yours.</source>
        <translation>保存すると、相手の変更があなたの変更で置き換わります。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>それでも保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>{0} is open elsewhere: {1}.</source>
        <translation>{0} は別の場所で開かれています: {1}。</translation>
    </message>
    <message>
        <source>Changes saved by both of you would overwrite each other.</source>
        <translation>両方で保存すると、互いの変更を上書きしてしまいます。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>読み取り専用で開く</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>それでも開く</translation>
    </message>
    <message>
        <source>{0} was opened read-only.</source>
        <translation>{0} は読み取り専用で開いています。</translation>
    </message>
    <message>
        <source>Use Save As to keep your changes in another file.</source>
        <translation>変更を残すには、名前を付けて保存で別のファイルに保存してください。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>kpidesk did not close properly. Unsaved changes were kept for: {0}</source>
        <translation>kpidesk は正しく終了しませんでした。次のプランの保存していない変更を残してあります: {0}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>後で決める</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Fi&amp;nd:</source>
        <extracomment>Red that reads on the light and the dark palette: &quot;No metric matches&quot;.</extracomment>
        <translation>検索(&amp;N):</translation>
    </message>
    <message>
        <source>part of a name or id</source>
        <translation>名前か ID の一部</translation>
    </message>
    <message>
        <source>No metric matches</source>
        <translation>一致する指標はありません</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>前の一致 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>次の一致 (F3、Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 件一致</translation>
    </message>
    <message>
        <source>{0} matches</source>
        <translation>{0} 件一致</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>{parent} is split in shares, but no share is set for {metric}.</source>
        <extracomment>code -&gt; English template. Placeholders are parameter names (see the key sets below).</extracomment>
        <translation>{parent}は構成比で分けられていますが、{metric}の構成比がありません。</translation>
    </message>
    <message>
        <source>The shares of {metric} add up to {total}, more than 100 %.</source>
        <translation>{metric}の構成比の合計が {total} で、100 % を超えています。</translation>
    </message>
    <message>
        <source>{metric} cannot be split between {metrics}: give all of them but one a target.</source>
        <translation>{metric}を{metrics}に分けられません。1つを除くすべてに目標を入れてください。</translation>
    </message>
    <message>
        <source>The rate from {metric} to {parent} is to be solved, but {parent} has no target to solve it for.</source>
        <translation>{metric}から{parent}への転換率を逆算する設定ですが、{parent}に逆算のもとになる目標がありません。</translation>
    </message>
    <message>
        <source>To solve the rate from {metric} to {parent}, give {metric} a target.</source>
        <translation>{metric}から{parent}への転換率を逆算するには、{metric}に目標を入れてください。</translation>
    </message>
    <message>
        <source>{metric} is a product with a factor of 0: no value of {driver} reaches {amount}.</source>
        <translation>{metric}は要素に 0 を含む積です。{driver}をどんな値にしても {amount} に届きません。</translation>
    </message>
    <message>
        <source>{metric} is 0, so no rate reaches {amount} of {parent}.</source>
        <translation>{metric}が 0 なので、どの転換率でも{parent}の {amount} に届きません。</translation>
    </message>
    <message>
        <source>{parent} would need {rate} of {metric}, more than 100 %: raise {metric}.</source>
        <translation>{parent}には{metric}の {rate} が必要で、100 % を超えます。{metric}を増やしてください。</translation>
    </message>
    <message>
        <source>No rate is set from {metric} to {parent}.</source>
        <translation>{metric}から{parent}への転換率がありません。</translation>
    </message>
    <message>
        <source>The rate from {metric} to {parent} is 0 %: no number of {metric} reaches {amount} of {parent}. Set a rate above 0 %.</source>
        <translation>{metric}から{parent}への転換率が 0 % です。{metric}がいくつあっても{parent}の {amount} に届きません。0 % より大きい転換率を入れてください。</translation>
    </message>
    <message>
        <source>The given target {given} is below the {needed} that the goal needs at these rates (short by {short}).</source>
        <translation>入力した目標 {given} は、今の転換率で目標達成に必要な {needed} を下回っています（{short} 不足）。</translation>
    </message>
    <message>
        <source>The given target {given} is above the {needed} that the goal needs.</source>
        <translation>入力した目標 {given} は、目標達成に必要な {needed} を上回っています。</translation>
    </message>
    <message>
        <source>The formula is not valid: {reason}</source>
        <translation>数式が正しくありません: {reason}</translation>
    </message>
    <message>
        <source>{metric} is made by a formula, but its formula is not written yet: write it, or choose another relation.</source>
        <translation>{metric} は数式で計算する指標ですが、数式がまだ書かれていません。数式を書くか、別の関係を選んでください。</translation>
    </message>
    <message>
        <source>The formula refers to {ids}, which is not another metric of this plan.</source>
        <translation>数式が {ids} を参照していますが、このプランの別の指標ではありません。</translation>
    </message>
    <message>
        <source>The formula of {metric} depends on itself (through {metrics}).</source>
        <translation>{metric}の数式が（{metrics}を通して）自分自身に依存しています。</translation>
    </message>
    <message>
        <source>The formula of {metric} divides by zero.</source>
        <translation>{metric}の数式が 0 で割っています。</translation>
    </message>
    <message>
        <source>{metric} cannot be forecast from the KPIs below it: a rate or a target is missing.</source>
        <translation>{metric}を下のKPIから予測できません。転換率か目標が足りません。</translation>
    </message>
    <message>
        <source>If every KPI is met, {metric} reaches {forecast}, short of the goal {target} (gap {gap}).</source>
        <translation>KPIをすべて達成しても{metric}は {forecast} で、目標 {target} に届きません（差異 {gap}）。</translation>
    </message>
    <message>
        <source>If every KPI is met, {metric} comes to {forecast}, above the limit {target} (gap {gap}); lower is better here.</source>
        <translation>KPIをすべて達成すると{metric}は {forecast} になり、上限 {target} を超えます（差異 {gap}）。この指標は低いほど良い指標です。</translation>
    </message>
    <message>
        <source>The plan has no KGI.</source>
        <translation>プランにKGIがありません。</translation>
    </message>
    <message>
        <source>The KGI {metric} has no number: give it a target.</source>
        <translation>KGIの{metric}に数値がありません。目標を入れてください。</translation>
    </message>
    <message>
        <source>The KGI {metric} has no unit (orders, JPY, leads...).</source>
        <translation>KGIの{metric}に単位がありません（件、円、人など）。</translation>
    </message>
    <message>
        <source>{metric} has no data source: it cannot be measured regularly.</source>
        <translation>{metric}にデータソースがありません。定期的に計測できません。</translation>
    </message>
    <message>
        <source>{metric} has no measuring interval: it cannot be measured regularly.</source>
        <translation>{metric}に計測頻度がありません。定期的に計測できません。</translation>
    </message>
    <message>
        <source>{metric} has no data source and no measuring interval: it cannot be measured regularly.</source>
        <translation>{metric}にデータソースも計測頻度もありません。定期的に計測できません。</translation>
    </message>
    <message>
        <source>{metric} has no countermeasure agreed for when it falls short.</source>
        <translation>{metric}には、未達のときの対策が決められていません。</translation>
    </message>
    <message>
        <source>The plan has {count} KPIs, more than {limit}: a team cannot follow them all.</source>
        <translation>プランのKPIが {count} 個あり、{limit} 個を超えています。チームで追いきれません。</translation>
    </message>
    <message>
        <source>The tree is {count} levels deep at {metric}, more than {limit}: a chain that long is hard to follow.</source>
        <translation>{metric}でツリーが {count} 階層になり、{limit} 階層を超えています。つながりが長すぎて追いにくくなります。</translation>
    </message>
    <message>
        <source>The name of {id} has {count} characters, more than {limit}: use a short name and put the rest in the definition.</source>
        <translation>{id} の名前が {count} 文字で、{limit} 文字を超えています。名前は短くし、残りは定義に書いてください。</translation>
    </message>
    <message>
        <source>{metric} is not connected to the tree of the goal: give it a parent.</source>
        <translation>{metric}が目標のツリーにつながっていません。親を設定してください。</translation>
    </message>
    <message>
        <source>{metric} does not drive {parent}: set how {parent} is made from it (funnel, sum, product or share).</source>
        <translation>{metric}は{parent}を動かしていません。{parent}がこれからどう作られるか（ファネル、合計、積、構成比）を設定してください。</translation>
    </message>
    <message>
        <source>The sum {metric} mixes units: {metrics} are in {units}, in that order. Parts without a rate are added as they are, so they need the unit of the sum.</source>
        <translation>合計の{metric}で単位が混ざっています: {metrics}の単位は順に {units} です。転換率のない内訳はそのまま足すので、合計と同じ単位にしてください。</translation>
    </message>
    <message>
        <source>{metric} is split into shares in different units: {metrics} are in {units}, in that order. A share of a metric is in its unit.</source>
        <translation>{metric}の構成比の内訳で単位が違います: {metrics}の単位は順に {units} です。構成比の内訳はもとの指標と同じ単位です。</translation>
    </message>
    <message>
        <source>{metric} is a product of one factor, {driver}: a product needs at least two (orders x unit price). Add the other factor, or make {metric} a sum.</source>
        <translation>{metric}は要素が{driver}1つだけの積です。積には要素が2つ以上必要です（受注数 × 単価）。もう1つの要素を加えるか、{metric}を合計にしてください。</translation>
    </message>
    <message>
        <source>{metric} is money, but it is made of {metrics}, none of them money: a factor in money, such as an average unit price, is missing.</source>
        <translation>{metric}は金額ですが、金額ではない{metrics}からできています。平均単価のような金額の要素が足りません。</translation>
    </message>
    <message>
        <source>{metric} has a formula, but its relation is {relation}, not formula: the formula is not used. Set the relation to formula to use it, or remove the formula.</source>
        <translation>{metric}には数式がありますが、構成が「数式」ではなく「{relation}」なので、数式は使われません。使うには構成を「数式」にするか、数式を消してください。</translation>
    </message>
</context>
<context>
    <name>FunnelView</name>
    <message>
        <source>↓ {0}</source>
        <translation>↓ {0}</translation>
    </message>
    <message>
        <source>↓ rate unknown</source>
        <extracomment>The narrowest bar&apos;s share of the widest: stays visible and clickable. Most an actual bar may exceed its stage&apos;s bar (actual / target), so overshoots show without filling the view. Data units left and right of the bars (the bars span -0.5 .. 0.5). Pixels between the widest bar and the label column, and around the label column. The label column takes at most this share of the view; longer names are elided. On a narrow view (the window on a 1024-pixel screen) the labels may take up to this share, as long as the bars keep MIN_BARS_PX: &quot;1,600 visits · actual 1,250&quot; reads whole, the funnel&apos;s shape needs less room.</extracomment>
        <translation>↓ 転換率 不明</translation>
    </message>
    <message>
        <source>↓ {0} (seen {1})</source>
        <translation>↓ {0}（実績 {1}）</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>目標なし</translation>
    </message>
    <message>
        <source>{0} to date</source>
        <translation>累計 {0}</translation>
    </message>
    <message>
        <source>no actual to date</source>
        <translation>累計実績なし</translation>
    </message>
    <message>
        <source>actual {0}</source>
        <translation>実績 {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1}の {0}</translation>
    </message>
    <message>
        <source>◀ bottleneck</source>
        <translation>◀ ボトルネック</translation>
    </message>
    <message>
        <source>No funnel to show</source>
        <translation>表示するファネルがありません</translation>
    </message>
    <message>
        <source>A funnel is a chain of metrics whose relation is “funnel”, such as visits → leads → orders.</source>
        <translation>ファネルは、構成が「ファネルの段階」の指標のつながりです（例: 訪問 → 見込み顧客 → 受注）。</translation>
    </message>
</context>
<context>
    <name>ImportErrors</name>
    <message>
        <source>{header}: {reason} ({value!r})</source>
        <extracomment>code -&gt; English template of what importing actuals from a CSV file refuses (context &quot;ImportErrors&quot;): :mod:`kpidesk.model.actuals_csv`. Each bad cell reads ``FILE.csv:ROW:COLUMN: error: &lt;what&gt; (&lt;value&gt;)``.</extracomment>
        <translation>{header}: {reason}（{value!r}）</translation>
    </message>
    <message>
        <source>{header}, metric {metric!r}: {reason} ({value!r})</source>
        <translation>{header}、指標 {metric!r}: {reason}（{value!r}）</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor Shift_JIS (cp932) text (the byte {byte} at offset {offset:,} cannot be read)</source>
        <translation>ファイルが UTF-8 でも Shift_JIS（cp932）のテキストでもありません（位置 {offset:,} のバイト {byte} を読み込めません）</translation>
    </message>
    <message>
        <source>not valid CSV: {detail}</source>
        <translation>正しい CSV ではありません: {detail}</translation>
    </message>
    <message>
        <source>the file has no rows</source>
        <translation>ファイルに行がありません</translation>
    </message>
    <message>
        <source>cannot tell how the file is laid out: the first row names the columns metric, period and value, or a metric column and then one column per period (2026-04, 2026/04, 2026年4月); or every row is a metric, a period and a value</source>
        <translation>ファイルのレイアウトを判別できません。1行目に列名 metric、period、value を書くか、指標の列に続けて期間ごとの列（2026-04、2026/04、2026年4月）を並べてください。または、すべての行を指標、期間、値の3列にしてください</translation>
    </message>
    <message>
        <source>the file holds no values to import</source>
        <translation>ファイルに取り込む値がありません</translation>
    </message>
    <message>
        <source>and {count:,} more problems; nothing was imported</source>
        <translation>ほかに {count:,} 件の問題があります。何も取り込んでいません</translation>
    </message>
    <message>
        <source>no metric has this id or name</source>
        <translation>この ID または名前の指標はありません</translation>
    </message>
    <message>
        <source>more than one metric has this name: {ids}; write the id instead</source>
        <translation>この名前の指標が複数あります: {ids}。代わりに ID を書いてください</translation>
    </message>
    <message>
        <source>the metric is missing</source>
        <translation>指標がありません</translation>
    </message>
    <message>
        <source>the period is missing</source>
        <translation>期間がありません</translation>
    </message>
    <message>
        <source>the value is missing</source>
        <translation>値がありません</translation>
    </message>
    <message>
        <source>a value in a column without a period in its header ({value!r})</source>
        <translation>見出しに期間のない列に値があります（{value!r}）</translation>
    </message>
    <message>
        <source>a cell after the last column; in a file separated by commas, a number with a thousands separator is written in quotes, &quot;1,200&quot; ({value!r})</source>
        <translation>最後の列より後ろにセルがあります。カンマ区切りのファイルでは、桁区切りのある数値は &quot;1,200&quot; のように引用符で囲んでください（{value!r}）</translation>
    </message>
    <message>
        <source>{period} has a value already, in line {first_line}</source>
        <translation>{period} にはすでに値があります（{first_line} 行目）</translation>
    </message>
    <message>
        <source>{period} has a column already, column {first_column}</source>
        <translation>{period} にはすでに列があります（{first_column} 列目）</translation>
    </message>
</context>
<context>
    <name>KpiTreePrint</name>
    <message>
        <source>rate {0} (solved)</source>
        <translation>転換率 {0}（逆算）</translation>
    </message>
    <message>
        <source>rate {0}</source>
        <translation>転換率 {0}</translation>
    </message>
    <message>
        <source>share {0}</source>
        <translation>構成比 {0}</translation>
    </message>
    <message>
        <source>KGI</source>
        <translation>KGI</translation>
    </message>
    <message>
        <source>Target {0}</source>
        <translation>目標 {0}</translation>
    </message>
    <message>
        <source>Forecast {0} ({1})</source>
        <translation>予測 {0}（{1}）</translation>
    </message>
    <message>
        <source>Actual {0}</source>
        <translation>実績 {0}</translation>
    </message>
    <message>
        <source>Bold with a dot: target given by the planner</source>
        <translation>太字と点: 入力した目標</translation>
    </message>
    <message>
        <source>Grey italics: derived</source>
        <translation>灰色の斜体: 算出した値</translation>
    </message>
    <message>
        <source>Bar: actual against target</source>
        <translation>バー: 目標に対する実績</translation>
    </message>
    <message>
        <source>On the lines: rate or share to the box above</source>
        <translation>線の上: 上の枠への転換率または構成比</translation>
    </message>
    <message>
        <source>the image could not be encoded as PNG</source>
        <translation>画像を PNG に変換できませんでした</translation>
    </message>
    <message>
        <source>KPI tree exported by kpidesk</source>
        <translation>kpidesk で書き出した KPI ツリー</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>ファネル</translation>
    </message>
    <message>
        <source>This plan has no funnel.</source>
        <translation>このプランにはファネルがありません。</translation>
    </message>
    <message>
        <source>{0} of the stage above</source>
        <translation>上の段階の {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1}の {0}</translation>
    </message>
    <message>
        <source>actual {0}</source>
        <translation>実績 {0}</translation>
    </message>
    <message>
        <source>Sheet row {0}, column {1} of {2} x {3}: tape along the dashed lines</source>
        <translation>{2} × {3} 枚のうち {0} 行 {1} 列目: 破線に合わせて貼り合わせてください</translation>
    </message>
    <message>
        <source>{0}  printed {1}</source>
        <translation>{0}  印刷 {1}</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>{0} / {1} ページ</translation>
    </message>
    <message>
        <source>cannot start drawing on the output</source>
        <translation>出力先に描画を始められません</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <extracomment>The status colours on paper: green met or ahead, amber a warning, red behind, grey no data.</extracomment>
        <translation>ボトルネック</translation>
    </message>
    <message>
        <source>Countermeasures to start</source>
        <translation>着手する対策</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Target to date</source>
        <translation>目標（累計）</translation>
    </message>
    <message>
        <source>Actual to date</source>
        <translation>実績（累計）</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>着地見込み</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>{0}: behind, and no countermeasure is written down.</source>
        <translation>{0}: 遅れていますが、対策が書かれていません。</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}</source>
        <translation>{0}（{1}）: {2}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>No metric is behind.</source>
        <translation>遅れている指標はありません。</translation>
    </message>
    <message>
        <source>Progress as of {0}</source>
        <translation>{0}時点の進捗</translation>
    </message>
    <message>
        <source>Plan period {0} to {1}; to date means up to the end of the as-of period, as phased. On track from {2}, behind under {3}.</source>
        <translation>計画期間 {0}〜{1}。累計は基準期間の末までの値で、目標は期間配分に沿っています。{2} 以上で順調、{3} 未満で遅れです。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Given/derived</source>
        <translation>入力／算出</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>データソース</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>計測頻度</translation>
    </message>
    <message>
        <source>Countermeasure</source>
        <translation>対策</translation>
    </message>
    <message>
        <source>given</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>算出</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指標一覧</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Funnel graph loading...</source>
        <extracomment>The tree&apos;s column widths, by the number of columns (widths saved for other columns are not reused). Raised when the tool bars or docks change so much that a saved arrangement no longer fits (it is then ignored).</extracomment>
        <translation>ファネルのグラフを読み込み中...</translation>
    </message>
    <message>
        <source>&lt;b&gt;bold&lt;/b&gt;: given by you &amp;nbsp; &lt;i&gt;italic&lt;/i&gt;: derived</source>
        <extracomment>Fit the columns and the splitter to the plan and the window until the planner sets them (or they were restored): widths as the content needs, the tree as wide as its columns, the rest to the graph.</extracomment>
        <translation>&lt;b&gt;太字&lt;/b&gt;: 入力値 &amp;nbsp; &lt;i&gt;斜体&lt;/i&gt;: 算出値</translation>
    </message>
    <message>
        <source>Targets and rates you typed are bold; the ones kpidesk calculated are italic and grey. Values an edit just changed light up for a moment.</source>
        <translation>入力した目標と転換率は太字、kpidesk が計算した値は灰色の斜体です。編集で変わった値はしばらく強調表示されます。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <extracomment>Print, Print Preview and Export go before this separator.</extracomment>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>検索(&amp;F)...</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>次を検索(&amp;X)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <source>Pl&amp;an Properties...</source>
        <translation>プランのプロパティ(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>すべて展開(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>すべて折りたたむ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>システムに合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About kpidesk</source>
        <translation>kpidesk について(&amp;A)</translation>
    </message>
    <message>
        <source>{0}[*] - {1} - kpidesk</source>
        <translation>{0}[*] - {1} - kpidesk</translation>
    </message>
    <message>
        <source>{0}[*] - kpidesk</source>
        <translation>{0}[*] - kpidesk</translation>
    </message>
    <message>
        <source>No KGI with a target</source>
        <translation>目標のあるKGIがありません</translation>
    </message>
    <message>
        <source>{0}: cannot be forecast from the KPIs</source>
        <translation>{0}: KPIから予測できません</translation>
    </message>
    <message>
        <source>Consistent: {0} forecast {1} meets the goal {2}</source>
        <translation>整合: {0}の予測 {1} は目標 {2} を達成</translation>
    </message>
    <message>
        <source>Not consistent: {0} forecast {1}, goal {2}, gap {3}</source>
        <translation>不整合: {0}の予測 {1}、目標 {2}、差異 {3}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>指摘なし</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>エラー 1件</translation>
    </message>
    <message>
        <source>{0} errors</source>
        <translation>エラー {0}件</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>警告 1件</translation>
    </message>
    <message>
        <source>{0} warnings</source>
        <translation>警告 {0}件</translation>
    </message>
    <message>
        <source>The funnel graph is not available: {0}</source>
        <translation>ファネルのグラフを表示できません: {0}</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>矢印キー</translation>
    </message>
    <message>
        <source>move the cell cursor (Left/Right: columns, Up/Down: rows)</source>
        <translation>セルカーソルを移動（左右: 列、上下: 行）</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Home、End</translation>
    </message>
    <message>
        <source>first, last column (Ctrl: first, last row)</source>
        <translation>最初、最後の列（Ctrl: 最初、最後の行）</translation>
    </message>
    <message>
        <source>Typing, F2</source>
        <translation>入力、F2</translation>
    </message>
    <message>
        <source>edit the cell (typing replaces it, F2 keeps it)</source>
        <translation>セルを編集（入力すると置き換え、F2 は内容を残して編集）</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>commit and move down; on a name, not right after an edit: add a metric</source>
        <translation>確定して下へ移動。名前の上で、編集の直後でなければ指標を追加</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <source>next, previous cell that takes a value</source>
        <translation>値を入力できる次、前のセル</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>cancel the edit; take back a row just added and left untouched</source>
        <translation>編集を取り消す。追加したばかりで未入力の行は取り消す</translation>
    </message>
    <message>
        <source>Alt+Right, Alt+Left, + and - on a name</source>
        <translation>名前の上で Alt+右、Alt+左、+ と -</translation>
    </message>
    <message>
        <source>expand, collapse</source>
        <translation>展開、折りたたみ</translation>
    </message>
    <message>
        <source>In the rate column 40 and 40% both mean 40 %, and solve finds the rate that meets the goal. An empty target is derived. Ctrl+Tab leaves the tree.</source>
        <translation>転換率の列では 40 と 40% はどちらも 40 % の意味で、solve と入力すると目標を達成する転換率を逆算します。目標を空にすると算出値に戻ります。Ctrl+Tab でツリーから移動します。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>About kpidesk</source>
        <translation>kpidesk について</translation>
    </message>
    <message>
        <source>kpidesk {0}
A planner for KGI/KPI trees.</source>
        <translation>kpidesk {0}
KGI/KPI ツリーのプランニングツール</translation>
    </message>
    <message>
        <source>Tool Bar</source>
        <translation>ツールバー</translation>
    </message>
</context>
<context>
    <name>MetricDelegate</name>
    <message>
        <source>empty: derived</source>
        <extracomment>Whether the last commit was taken (None: no commit since the editor opened).</extracomment>
        <translation>空欄: 算出</translation>
    </message>
    <message>
        <source>40 or 40%</source>
        <translation>40 または 40%</translation>
    </message>
    <message>
        <source>KGI</source>
        <translation>KGI</translation>
    </message>
</context>
<context>
    <name>MetricTreeView</name>
    <message>
        <source>Rate to</source>
        <extracomment>Enter on a name, not right after an edit: add a metric below (the window runs Add Sibling). Esc outside an editor, or cancelling an editor: take back the current row if it was just added. A short explanation for the status bar (typing on a calculated cell). While a metric moves (its rows leave and come back): its rows that were folded, and the current cell (metric, column) when it was on one of them.</extracomment>
        <translation>への転換率</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan Properties</source>
        <translation>プランのプロパティ</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>タイトル(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>担当(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>通貨(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期間(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Start (YYYY-MM-DD)</source>
        <translation>開始日（YYYY-MM-DD）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End (YYYY-MM-DD)</source>
        <translation>終了日（YYYY-MM-DD）(&amp;E)</translation>
    </message>
    <message>
        <source>Plan period:</source>
        <translation>プランの期間:</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>{0} (no dates: the calendar year)</source>
        <translation>{0}（日付なし: 暦年）</translation>
    </message>
    <message>
        <source>{0} is not a date like 2026-04-01.</source>
        <translation>{0} は 2026-04-01 のような日付ではありません。</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>Metric</source>
        <extracomment>Flags made once: combining Qt&apos;s flag enums costs more than the rest of cell_flags(). Roles as plain ints: data() runs for every role of every painted cell. More changed rows than this in one action are repainted as a whole (one signal) instead of row by row. Values changed on more rows than :data:`MANY_ROWS` (a new factor at the top, a new currency): views repaint what they show instead of being told row by row. A metric is about to move with the rows below it (its rows leave and come back): views note what to restore. The metric has moved: its rows are back at their new place. The rows were made again for another plan (the old rows removed, the new ones inserted). Each row&apos;s texts as last shown, and its parent&apos;s relation then (which says whether the rate column holds a rate or a share): painting reads them, and an edit&apos;s highlight compares with them. Rows whose values changed (when) and were not painted since: compared with ``_shown`` when painted. Metric id -&gt; what File &gt; Compare With found changed there (the rows are tinted until cleared). What a drop does: (metric id, new parent id or None, row). The window makes it ask before a drop would break a funnel. The plan as of a month (set by :meth:`follow`); None: the single actual against the whole target.</extracomment>
        <translation>指標</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差異</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>The KGI and the KPIs that drive it</source>
        <translation>KGIと、それを動かすKPI</translation>
    </message>
    <message>
        <source>Bold: given by you. Italic and grey: derived from the goal and the rates.</source>
        <translation>太字: 入力値。灰色の斜体: 目標と転換率から逆算した値。</translation>
    </message>
    <message>
        <source>What the metric counts</source>
        <translation>指標が数えるもの</translation>
    </message>
    <message>
        <source>What follows if every KPI below is met</source>
        <translation>下のKPIをすべて達成したときの値</translation>
    </message>
    <message>
        <source>Forecast - target: red where the forecast falls short (for costs and limits, where it is above the target)</source>
        <translation>予測 − 目標: 予測が目標に届かないところは赤（コストや上限では目標を上回るところ）</translation>
    </message>
    <message>
        <source>The value measured so far</source>
        <translation>これまでに計測した値</translation>
    </message>
    <message>
        <source>Actual as a part of the target</source>
        <translation>目標に対する実績の割合</translation>
    </message>
    <message>
        <source>Rate / share</source>
        <translation>転換率／構成比</translation>
    </message>
    <message>
        <source>Share of {0}</source>
        <translation>{0}に占める構成比</translation>
    </message>
    <message>
        <source>Rate to {0}</source>
        <translation>{0}への転換率</translation>
    </message>
    <message>
        <source>On each row, the rate is the part of that metric that becomes the metric above it (a funnel&apos;s conversion rate); a share is the part of the metric above that the row is.
Type 40 or 40% for 40 %; type solve (or Edit &gt; Solve This Rate) for the rate that meets the goal.</source>
        <translation>各行の転換率は、その指標のうち上の指標になる割合（ファネルの歩留まり）です。構成比は、上の指標のうちその行が占める割合です。
40 % は 40 または 40% と入力します。solve と入力する（または 編集 &gt; この転換率を逆算）と、目標を達成する転換率を求めます。</translation>
    </message>
    <message>
        <source>Share of {1}: {0} is this part of {1}.</source>
        <translation>{1}に占める構成比: {0}は{1}のこの割合です。</translation>
    </message>
    <message>
        <source>Rate from {0} to {1}: the part of {0} that becomes {1}.</source>
        <translation>{0}から{1}への転換率: {0}のうち{1}になる割合です。</translation>
    </message>
    <message>
        <source>KGI: the goal of this plan</source>
        <translation>KGI: このプランの目標</translation>
    </message>
    <message>
        <source>Solved: the rate that meets the goal (goal seek)</source>
        <translation>逆算: 目標を達成する転換率（ゴールシーク）</translation>
    </message>
    <message>
        <source>Given by you</source>
        <translation>入力値</translation>
    </message>
    <message>
        <source>Derived: calculated from the goal and the rates</source>
        <translation>算出値: 目標と転換率から計算</translation>
    </message>
    <message>
        <source>Gap to the target: {0}, short of the target</source>
        <translation>目標との差異: {0}（目標に届きません）</translation>
    </message>
    <message>
        <source>Gap to the target: {0}</source>
        <translation>目標との差異: {0}</translation>
    </message>
    <message>
        <source>{0}: to date, as of {1}</source>
        <translation>{0}: {1}時点の累計</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>{0}時点</translation>
    </message>
    <message>
        <source>Target to date: {0} of {1}</source>
        <translation>累計目標: {0}（全体 {1}）</translation>
    </message>
    <message>
        <source>of which due before the plan starts (lag): {0}</source>
        <translation>うち計画開始前の分（ラグ）: {0}</translation>
    </message>
    <message>
        <source>Actual to date: {0}</source>
        <translation>累計実績: {0}</translation>
    </message>
    <message>
        <source>At this pace: {0} by the end of the plan</source>
        <translation>このペースでの着地見込み: 計画終了時に {0}</translation>
    </message>
    <message>
        <source>Target: {0}</source>
        <translation>目標: {0}</translation>
    </message>
    <message>
        <source>Latest actual: {0}</source>
        <translation>最新の実績: {0}</translation>
    </message>
    <message>
        <source>Status: {0} ({1} of the target to date)</source>
        <translation>状況: {0}（累計目標の {1}）</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>状況: {0}</translation>
    </message>
    <message>
        <source>Rate into {0} seen: {1} against {2} planned</source>
        <translation>{0}への転換率の実績: {1}（計画 {2}）</translation>
    </message>
    <message>
        <source>Rate into {0}: {1} planned, not seen yet</source>
        <translation>{0}への転換率: 計画 {1}、実績はまだありません</translation>
    </message>
    <message>
        <source>{0} is at the top of its tree: it has no rate or share.</source>
        <translation>{0}はツリーの最上位です。転換率も構成比もありません。</translation>
    </message>
    <message>
        <source>{0} has actuals by period: enter them in View &gt; Actuals by Period.</source>
        <translation>{0}には期間ごとの実績があります。「表示 &gt; 期間ごとの実績」で入力してください。</translation>
    </message>
    <message>
        <source>{0} is calculated: type a target, a rate or an actual.</source>
        <translation>{0}は計算値です。目標、転換率または実績を入力してください。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>Each language in its own words (never translated: a planner must find their language in any other).</extracomment>
        <translation>設定</translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation>システム（{0}）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>The language changes when kpidesk starts again.</source>
        <translation>言語は kpidesk を次に起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>This time it was set by --lang.</source>
        <translation>今回は --lang で指定されています。</translation>
    </message>
    <message>
        <source>In full (1,000,000,000)</source>
        <translation>すべての桁（1,000,000,000）</translation>
    </message>
    <message>
        <source>In 万 and 億 (10億, 3250万)</source>
        <translation>万・億で表示（10億、3250万）</translation>
    </message>
    <message>
        <source>&amp;Amounts:</source>
        <translation>金額・数量(&amp;A):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Unsaved changes are written to a recovery file this long after the last edit, and offered back after a crash.</source>
        <translation>最後の編集からこの時間がたつと、保存していない変更を復元用ファイルに書き込みます。異常終了の後に復元できます。</translation>
    </message>
    <message>
        <source>&amp;Recovery copy after:</source>
        <translation>復元用の保存までの時間(&amp;R):</translation>
    </message>
    <message>
        <source>The paper printing and PDF export start with; File &gt; Page Setup changes it for one window.</source>
        <translation>印刷と PDF 書き出しで最初に使う用紙です。ウィンドウごとには ファイル &gt; ページ設定 で変えられます。</translation>
    </message>
    <message>
        <source>Default &amp;paper:</source>
        <translation>既定の用紙(&amp;P):</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>The same choice as View &gt; Theme.</source>
        <translation>表示 &gt; テーマ と同じ設定です。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <source>Pre&amp;ferences...</source>
        <translation>設定(&amp;F)...</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Print Pre&amp;view...</source>
        <translation>印刷プレビュー(&amp;V)...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>印刷(&amp;P)...</translation>
    </message>
    <message>
        <source>Page Set&amp;up...</source>
        <translation>ページ設定(&amp;U)...</translation>
    </message>
    <message>
        <source>Print &amp;Options</source>
        <translation>印刷オプション(&amp;O)</translation>
    </message>
    <message>
        <source>KGI at the &amp;Left (Wide Trees)</source>
        <translation>KGIを左に配置（横に広いツリー）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Split the Tree over Sheets</source>
        <translation>ツリーを複数の用紙に分割(&amp;S)</translation>
    </message>
    <message>
        <source>Add the &amp;Funnel</source>
        <translation>ファネルを追加(&amp;F)</translation>
    </message>
    <message>
        <source>Add the Metrics &amp;Table</source>
        <translation>指標一覧を追加(&amp;T)</translation>
    </message>
    <message>
        <source>Add the &amp;Progress Page (as of the Month Shown)</source>
        <translation>進捗ページを追加（表示中の月時点）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <source>Tree as &amp;PDF...</source>
        <translation>ツリーを PDF で(&amp;P)...</translation>
    </message>
    <message>
        <source>Tree as P&amp;NG Image...</source>
        <translation>ツリーを PNG 画像で(&amp;N)...</translation>
    </message>
    <message>
        <source>Tree as &amp;SVG Drawing...</source>
        <translation>ツリーを SVG 図で(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Funnel as PNG Image...</source>
        <translation>ファネルを PNG 画像で(&amp;F)...</translation>
    </message>
    <message>
        <source>Metrics as &amp;CSV...</source>
        <translation>指標一覧を CSV で(&amp;C)...</translation>
    </message>
    <message>
        <source>KPI Tree Diagram</source>
        <translation>KPI ツリー図</translation>
    </message>
    <message>
        <source>Print Preview: {0}</source>
        <translation>印刷プレビュー: {0}</translation>
    </message>
    <message>
        <source>Print the KPI Tree</source>
        <translation>KPI ツリーを印刷</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>印刷できません</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>書き出せません</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>PDF で書き出し</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Export the Tree as PNG</source>
        <translation>ツリーを PNG で書き出し</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export the Tree as SVG</source>
        <translation>ツリーを SVG で書き出し</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 図 (*.svg)</translation>
    </message>
    <message>
        <source>Export the Funnel as PNG</source>
        <translation>ファネルを PNG で書き出し</translation>
    </message>
    <message>
        <source>Export the Metrics as CSV</source>
        <translation>指標一覧を CSV で書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <source>As of:</source>
        <translation>基準月:</translation>
    </message>
    <message>
        <source>The month the Actual and Progress columns, the chart and the funnel show the plan as of (a view setting: not saved in the plan)</source>
        <translation>実績と進捗の列、グラフ、ファネルでプランを表示する基準の月（表示の設定で、プランには保存されません）</translation>
    </message>
    <message>
        <source>&amp;As Of</source>
        <translation>基準月(&amp;A)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Progress chart loading...</source>
        <translation>進捗グラフを読み込み中...</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>&amp;Progress Chart</source>
        <translation>進捗グラフ(&amp;P)</translation>
    </message>
    <message>
        <source>Actuals by Period</source>
        <translation>期間ごとの実績</translation>
    </message>
    <message>
        <source>Actuals by &amp;Period</source>
        <translation>期間ごとの実績(&amp;P)</translation>
    </message>
    <message>
        <source>Today ({0})</source>
        <translation>今日（{0}）</translation>
    </message>
    <message>
        <source>The progress chart is not available: {0}</source>
        <translation>進捗グラフを表示できません: {0}</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Select a metric to see its actual against its phased target.</source>
        <translation>指標を選ぶと、期間配分した目標に対する実績を表示します。</translation>
    </message>
    <message>
        <source>{0} has no target and no actual to draw.</source>
        <translation>{0}には表示する目標も実績もありません。</translation>
    </message>
    <message>
        <source>carry-in {0}</source>
        <translation>開始前繰越 {0}</translation>
    </message>
    <message>
        <source>as of {0}</source>
        <translation>{0}時点</translation>
    </message>
    <message>
        <source>cumulative, against the phased target</source>
        <translation>累計（期間配分した目標と比較）</translation>
    </message>
    <message>
        <source>each period, against the target</source>
        <translation>期間ごと（目標と比較）</translation>
    </message>
    <message>
        <source>({0} to date)</source>
        <translation>（累計 {0}）</translation>
    </message>
    <message>
        <source>target, phased</source>
        <translation>目標（期間配分）</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>at this pace</source>
        <translation>このペース</translation>
    </message>
</context>
<context>
    <name>SaveErrors</name>
    <message>
        <source>The file name {name!r} is not allowed.</source>
        <extracomment>code -&gt; English template of what a save refuses or could not keep (context &quot;SaveErrors&quot;). ``{folder}`` and ``{path}`` are full paths, ``{name}`` a file&apos;s name; ``{reason}`` is the reason inside.</extracomment>
        <translation>ファイル名 {name!r} は使えません。</translation>
    </message>
    <message>
        <source>The file name is too long ({count} characters); choose a shorter one.</source>
        <translation>ファイル名が長すぎます（{count} 文字）。短い名前にしてください。</translation>
    </message>
    <message>
        <source>The file name {name!r} is not allowed on Windows.</source>
        <translation>ファイル名 {name!r} は Windows では使えません。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full; free some space or save somewhere else.</source>
        <translation>{folder} のあるディスクがいっぱいです。空き容量を増やすか、別の場所に保存してください。</translation>
    </message>
    <message>
        <source>The drive holding {folder} is read-only; save the plan somewhere else.</source>
        <translation>{folder} のあるドライブは読み取り専用です。プランは別の場所に保存してください。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist (was it moved, or a drive disconnected?).</source>
        <translation>フォルダー {folder} がありません（移動されたか、ドライブの接続が切れていませんか？）。</translation>
    </message>
    <message>
        <source>The file name {name!r} is not allowed here; choose another name.</source>
        <translation>ファイル名 {name!r} はここでは使えません。別の名前にしてください。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} はフォルダーで、ファイルではありません。</translation>
    </message>
    <message>
        <source>{name} could not be replaced: another program (a sync client, a virus scanner, another window) holds it, or the folder is read-only. The file was left as it was; try again in a moment.</source>
        <translation>{name} を置き換えられませんでした。別のプログラム（同期ソフト、ウイルス対策ソフト、別のウィンドウ）が使用中か、フォルダーが読み取り専用です。ファイルは元のままです。しばらくしてからもう一度保存してください。</translation>
    </message>
    <message>
        <source>kpidesk may not write in {folder}: the folder is read-only or belongs to someone else.</source>
        <translation>kpidesk は {folder} に書き込めません。フォルダーが読み取り専用か、別のユーザーのものです。</translation>
    </message>
    <message>
        <source>The plan could not be saved to {path}: {detail}.</source>
        <translation>プランを {path} に保存できませんでした: {detail}。</translation>
    </message>
    <message>
        <source>{name} is read-only; save under another name, or make it writable first.</source>
        <translation>{name} は読み取り専用です。別の名前で保存するか、先に書き込めるようにしてください。</translation>
    </message>
    <message>
        <source>Another program has been saving {name} for {seconds} seconds; the plan was not saved. Try again in a moment.</source>
        <translation>別のプログラムが {seconds} 秒間 {name} を保存し続けているため、プランを保存しませんでした。しばらくしてからもう一度保存してください。</translation>
    </message>
    <message>
        <source>{name} was changed by another program or person after it was read here, so it was not overwritten: nothing was written. Save again to choose whether to replace their version, or open the file again to see it.</source>
        <translation>{name} はここで読み込んだ後に別のプログラムか別の人が変更したため、上書きしませんでした（何も書き込んでいません）。相手の版を置き換えるかどうかは、もう一度保存すると選べます。相手の版を見るには、ファイルを開き直してください。</translation>
    </message>
    <message>
        <source>The plan was not saved: the text made for {name} does not read back as this plan ({reason}). {name} and its backup were left as they were.</source>
        <translation>プランを保存しませんでした。{name} 用に作ったテキストを読み直すと、このプランになりません（{reason}）。{name} とそのバックアップは元のままです。</translation>
    </message>
    <message>
        <source>it would not open again</source>
        <translation>保存すると開けなくなります</translation>
    </message>
    <message>
        <source>it would not open again (line {line}, column {column}: {reason})</source>
        <translation>保存すると開けなくなります（{line} 行 {column} 文字目: {reason}）</translation>
    </message>
    <message>
        <source>metric {metric!r} would be missing</source>
        <translation>指標 {metric!r} がなくなります</translation>
    </message>
    <message>
        <source>metric {metric!r} would appear</source>
        <translation>指標 {metric!r} が増えます</translation>
    </message>
    <message>
        <source>the metrics would be in another order</source>
        <translation>指標の順序が変わります</translation>
    </message>
    <message>
        <source>metric {metric!r}, {key}: {found} instead of {wanted}</source>
        <translation>指標 {metric!r}、{key}: {wanted} ではなく {found} になります</translation>
    </message>
    <message>
        <source>plan.{key}: {found} instead of {wanted}</source>
        <translation>plan.{key}: {wanted} ではなく {found} になります</translation>
    </message>
    <message>
        <source>{name} now belongs to you: its owner or group could not be kept.</source>
        <translation>{name} の所有者またはグループを元のままにできなかったため、所有者があなたになりました。</translation>
    </message>
    <message>
        <source>Extended attributes of {name} could not be kept: {names}.</source>
        <translation>{name} の拡張属性を引き継げませんでした: {names}。</translation>
    </message>
    <message>
        <source>No backup copy was made ({reason}).</source>
        <translation>バックアップを作成できませんでした（{reason}）。</translation>
    </message>
    <message>
        <source>{name}: {reason}.</source>
        <translation>{name}: {reason}。</translation>
    </message>
    <message>
        <source>the plan&apos;s facts were dotted keys or an inline table (plan.title = ...); they are written as a [plan] table now</source>
        <translation>プランの情報がドット付きキーかインラインテーブル（plan.title = ...）で書かれていたため、[plan] テーブルに書き直しました</translation>
    </message>
    <message>
        <source>the metrics were an inline array (metric = [...]); they are written as [[metric]] tables now, every value kept (comments inside the array could not be kept)</source>
        <translation>指標がインライン配列（metric = [...]）で書かれていたため、[[metric]] テーブルに書き直しました。値はすべてそのままです（配列内のコメントは残せませんでした）</translation>
    </message>
</context>
<context>
    <name>Tracking</name>
    <message>
        <source>ahead</source>
        <translation>前倒し</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>順調</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>遅れ</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <source>Bottleneck: {stage}, the rate into {above} is {actual} against {planned} planned.</source>
        <translation>ボトルネック: {stage}。{above}への転換率が計画 {planned} に対して {actual} です。</translation>
    </message>
    <message>
        <source>Bottleneck: {stage}, at {progress} of its target to date.</source>
        <translation>ボトルネック: {stage}。累計目標に対する進捗は {progress} です。</translation>
    </message>
    <message>
        <source>At the rates so far the plan ends at {forecast} {kgi} against {target}: {stage} costs {cost} of the {short} missing.</source>
        <translation>今の転換率のままでは、{kgi}は目標 {target} に対して {forecast} で終わります。不足 {short} のうち {cost} は{stage}によるものです。</translation>
    </message>
    <message>
        <source>At the rates so far the plan still ends at {forecast} {kgi} against {target}.</source>
        <translation>今の転換率のままでも、{kgi}は目標 {target} に対して {forecast} で終わります。</translation>
    </message>
    <message>
        <source>Owner: {owner}.</source>
        <translation>担当: {owner}。</translation>
    </message>
    <message>
        <source>Countermeasure: {countermeasure}</source>
        <translation>対策: {countermeasure}</translation>
    </message>
    <message>
        <source>No stage falls short so far.</source>
        <translation>今のところ遅れている段階はありません。</translation>
    </message>
</context>
</TS>
